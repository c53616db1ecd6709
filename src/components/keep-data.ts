import { fill } from '../i18n/fill.ts';
import { EXPORTED_EVENT, backupReminder, readLastExport } from '../lib/learner/backup-reminder.ts';
import { hasLearnerData } from '../lib/learner/has-data.ts';
import { INSTALL_HINT_DISMISSED, showInstallHint } from '../lib/offline/install-hint.ts';
import { formatVietnameseDate, localIsoDate } from '../lib/text/date.ts';

/** Blocked localStorage reads as nothing stored. */
function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function startInstallHint(hint: HTMLElement): void {
  const show = showInstallHint({
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
    standalone: (navigator as Navigator & { standalone?: boolean }).standalone,
    displayModeStandalone: matchMedia('(display-mode: standalone)').matches,
    dismissed: stored(INSTALL_HINT_DISMISSED) !== null,
  });
  if (!show) return;
  hint.hidden = false;
  hint.querySelector('[data-dismiss]')?.addEventListener('click', () => {
    hint.hidden = true;
    try {
      localStorage.setItem(INSTALL_HINT_DISMISSED, String(Date.now()));
    } catch {
      // Blocked localStorage: hidden for this visit only.
    }
  });
}

async function persisted(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}

async function startBackupReminder(box: HTMLElement): Promise<void> {
  const line = box.querySelector<HTMLElement>('[data-last-export]');
  const strings = JSON.parse(document.getElementById('keep-data-strings')?.textContent ?? '{}') as {
    never?: string;
    last?: string;
  };
  const update = async () => {
    let hasData = false;
    try {
      hasData = await hasLearnerData();
    } catch {
      // Offline, with the storage code never saved on this device: nothing can be said yet.
    }
    const now = Date.now();
    const reminder = backupReminder({
      persisted: await persisted(),
      hasData,
      lastExport: readLastExport(now),
      now,
    });
    if (line && reminder.show) {
      line.textContent =
        reminder.lastExport === null
          ? (strings.never ?? '')
          : fill(strings.last ?? '', {
              date: formatVietnameseDate(localIsoDate(reminder.lastExport)),
              days: reminder.days,
            });
    }
    box.hidden = !reminder.show;
  };
  // Exporting on this page (/tien-do/) answers the reminder at once.
  addEventListener(EXPORTED_EVENT, () => void update());
  await update();
}

/**
 * Shows, where they apply, the "add to home screen" hint and the backup reminder; then marks the
 * root `data-checked`, so what is hidden is known to be hidden on purpose.
 */
export async function startKeepData(root: HTMLElement): Promise<void> {
  const hint = root.querySelector<HTMLElement>('[data-install-hint]');
  const box = root.querySelector<HTMLElement>('[data-backup-reminder]');
  if (hint) startInstallHint(hint);
  if (box) await startBackupReminder(box);
  root.dataset['checked'] = '';
}
