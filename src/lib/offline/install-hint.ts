/** Set once the learner dismisses the "add to home screen" hint; it is never shown again. */
export const INSTALL_HINT_DISMISSED = 'camnang:install-hint-dismissed';

/**
 * iOS browsers other than Safari, and apps' built-in browsers, whose menus differ from Safari's;
 * some (Edge, DuckDuckGo) write Safari's `Version/` too.
 */
const NOT_SAFARI =
  /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|Ddg\/|GSA\/|coc_coc|FBAN|FBAV|Instagram|Line\/|Zalo|MicroMessenger/;

/**
 * Safari on an iPhone, iPod or iPad. iPadOS Safari asks for desktop sites, so it reads as a Mac:
 * only its touch screen (`navigator.maxTouchPoints`) tells it apart.
 */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios =
    /\b(iPhone|iPad|iPod)\b/.test(userAgent) ||
    (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  return ios && /Version\/[\d.]+.*Safari\//.test(userAgent) && !NOT_SAFARI.test(userAgent);
}

export interface InstallHintDevice {
  userAgent: string;
  maxTouchPoints: number;
  /** iOS's `navigator.standalone`: true when opened from the home screen; undefined elsewhere. */
  standalone: boolean | undefined;
  /** Whether `(display-mode: standalone)` matches, as in an installed site. */
  displayModeStandalone: boolean;
  /** Whether the learner dismissed the hint before. */
  dismissed: boolean;
}

/**
 * Whether to tell the learner how to add the site to the home screen: only in Safari on iOS, where
 * a site not added is deleted after seven days of use without a visit, and only until it is added
 * or the hint dismissed.
 */
export function showInstallHint(device: InstallHintDevice): boolean {
  return (
    !device.dismissed &&
    device.standalone !== true &&
    !device.displayModeStandalone &&
    isIosSafari(device.userAgent, device.maxTouchPoints)
  );
}
