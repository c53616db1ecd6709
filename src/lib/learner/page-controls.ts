import { fill } from '../../i18n/fill.ts';
import { placeCardId } from './cards.ts';
import { locatePassage, markPassage, passageOf, type Passage } from './highlight.ts';
import type { NotesStore } from './notes-store.ts';
import type { NoteRow, Place } from './records.ts';
import type { ReviewDeck } from './review-deck.ts';
import { mayHaveLearnerDatabase } from './schema.ts';
import { SHARED_FILES } from '../offline/policy.ts';
import type { SaveFailure, SaveResult } from './storage.ts';

/**
 * The learner's controls on reading pages ("Lưu", "Ghi chú", "Ôn tập", "Đánh dấu"), wired to
 * markup the pages render hidden. Loaded on idle by a small inline script; storage code comes
 * after, and for a reader who has never saved anything only when they first save. Learner text
 * only ever goes into `textContent` and `value`.
 */

type Strings = Record<string, string>;

interface Learner {
  store: NotesStore;
  deck: ReviewDeck;
}

let learner: Promise<Learner | null> | undefined;
/** The learner's notes and review deck; null when the browser gives no storage. */
function openLearner(): Promise<Learner | null> {
  learner ??= (async () => {
    const [{ openLearnerDB }, { NotesStore }, { ReviewDeck }] = await Promise.all([
      import('./database.ts'),
      import('./notes-store.ts'),
      import('./review-deck.ts'),
    ]);
    const db = await openLearnerDB();
    return db && { store: new NotesStore(db), deck: new ReviewDeck(db) };
  })();
  // Offline before the storage code was ever downloaded: try again on the next save.
  learner.catch(() => (learner = undefined));
  return learner;
}

/** One group of controls: a clause's (with its `.unit-own`, where highlights live) or the page's own. */
interface Spot {
  root: HTMLElement;
  place: Place;
  own: HTMLElement | null;
  noteView?: HTMLElement;
  editor?: HTMLElement;
  error?: HTMLElement;
}

const button = (spot: Spot, action: string) =>
  spot.root.querySelector<HTMLButtonElement>(`[data-learn-action="${action}"]`);

/** The place a control group stands for: a clause's from its citation button, a page's from its attributes. */
function spotPlace(root: HTMLElement): { place: Place; own: HTMLElement | null } | null {
  const data = root.dataset;
  const own = root.closest<HTMLElement>('.unit-own');
  if (!own) {
    const type = data['learnType'];
    if ((type !== 'lesson' && type !== 'case') || !data['learnPlace']) return null;
    return {
      place: {
        place: data['learnPlace'],
        type,
        docId: data['learnPlace'],
        docTitle: data['learnLabel'] ?? '',
        label: data['learnLabel'] ?? '',
      },
      own: null,
    };
  }
  const copy = own.querySelector<HTMLElement>(':scope > .cite-copy');
  const href = copy?.dataset['href'];
  if (!href || !data['learnDoc']) return null;
  return {
    place: {
      place: href,
      type: own.parentElement?.classList.contains('unit-dieu') ? 'article' : 'clause',
      docId: data['learnDoc'],
      docTitle: data['learnDocTitle'] ?? '',
      label: copy.dataset['cite'] ?? href,
    },
    own,
  };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

export async function startPageControls(roots: readonly HTMLElement[]): Promise<void> {
  const spots = roots.flatMap((root): Spot[] => {
    const found = spotPlace(root);
    return found ? [{ root, ...found }] : [];
  });
  if (!spots.length) return;
  const [strings, saved] = await Promise.all([
    fetch(SHARED_FILES.learnerStrings)
      .then((response): Promise<Strings> | Strings => (response.ok ? response.json() : {}))
      .catch((): Strings => ({})),
    // What this page already has saved; nothing to read (nor to download) before the first save.
    mayHaveLearnerDatabase().then((exists) => (exists ? openLearner().catch(() => null) : null)),
  ]);
  // Inside <main>, so the page's landmarks hold everything a screen reader may land on.
  const host = document.querySelector('main') ?? document.body;
  const text = (key: string, params: Record<string, string | number> = {}) =>
    fill(strings[key] ?? '', params);

  const status = element('p', 'visually-hidden');
  status.setAttribute('role', 'status');
  host.append(status);
  const announce = (message: string) => {
    status.textContent = message;
  };

  /** Tells the learner what was not saved, beside the control; what was saved before is untouched. */
  function fail(spot: Spot, what: string, failure: SaveFailure) {
    spot.error ??= element('p', 'learn-error');
    spot.error.setAttribute('role', 'alert');
    spot.error.textContent = text(`storage.${failure}`, { what: text(`storage.what.${what}`) });
    (spot.editor ?? spot.root).after(spot.error);
  }
  function succeeded(spot: Spot, result: SaveResult, what: string): boolean {
    if (result.ok) {
      spot.error?.remove();
      return true;
    }
    fail(spot, what, result.failure);
    return false;
  }

  function showNote(spot: Spot, note: NoteRow | undefined) {
    spot.noteView?.remove();
    delete spot.noteView;
    if (!note) return;
    const view = element('div', 'learn-note');
    const title = element('p', 'learn-note-title');
    title.textContent = text('notes.yourNote');
    const body = element('p', 'learn-note-text');
    body.textContent = note.text;
    view.append(title, body);
    spot.root.after(view);
    spot.noteView = view;
  }

  const byPlace = new Map(spots.map((spot) => [spot.place.place, spot]));
  const places = [...byPlace.keys()];
  const [kept, inReview] = await Promise.all([
    saved?.store.onPage(places),
    saved?.deck.placesInReview(places),
  ]);
  const notes = kept?.notes ?? new Map<string, NoteRow>();

  for (const spot of spots) {
    const { place } = spot;
    const bookmark = button(spot, 'bookmark');
    const note = button(spot, 'note');
    const review = button(spot, 'review');
    bookmark?.setAttribute('aria-pressed', String(kept?.bookmarks.has(place.place) ?? false));
    review?.setAttribute('aria-pressed', String(inReview?.has(place.place) ?? false));
    if (spot.own) {
      // The buttons say only "Lưu", "Ghi chú", "Ôn tập": their names say which clause.
      bookmark?.setAttribute('aria-label', text('notes.bookmarkLabel', { label: place.label }));
      note?.setAttribute('aria-label', text('notes.noteLabel', { label: place.label }));
      review?.setAttribute('aria-label', text('notes.reviewLabel', { label: place.label }));
    }
    showNote(spot, notes.get(place.place));
    spot.root.hidden = false;
  }
  for (const row of kept?.highlights ?? []) {
    const own = byPlace.get(row.place)?.own;
    const at = own && locatePassage(own, row);
    if (own && at) markPassage(own, at.start, at.end, row.id);
  }

  /** The learner's storage for a save, or null after telling them why there is none. */
  async function storage(spot: Spot, what: string): Promise<Learner | null> {
    try {
      const opened = await openLearner();
      if (!opened) fail(spot, what, 'unavailable');
      return opened;
    } catch {
      fail(spot, what, 'offline');
      return null;
    }
  }

  async function toggleBookmark(spot: Spot, control: HTMLButtonElement) {
    const { store } = (await storage(spot, 'bookmark')) ?? {};
    if (!store) return;
    const on = control.getAttribute('aria-pressed') !== 'true';
    const result = on ? await store.bookmark(spot.place) : await store.unbookmark(spot.place.place);
    if (!succeeded(spot, result, 'bookmark')) return;
    control.setAttribute('aria-pressed', String(on));
    announce(text(on ? 'notes.bookmarked' : 'notes.unbookmarked', { label: spot.place.label }));
  }

  async function toggleReview(spot: Spot, control: HTMLButtonElement) {
    const { deck } = (await storage(spot, 'review')) ?? {};
    if (!deck) return;
    const on = control.getAttribute('aria-pressed') !== 'true';
    const result = on
      ? await deck.addPlace(spot.place)
      : await deck.remove(placeCardId(spot.place.place));
    if (!succeeded(spot, result, 'review')) return;
    control.setAttribute('aria-pressed', String(on));
    announce(text(on ? 'notes.reviewAdded' : 'notes.reviewRemoved', { label: spot.place.label }));
  }

  let editors = 0;
  function closeEditor(spot: Spot, control: HTMLButtonElement) {
    spot.editor?.remove();
    delete spot.editor;
    control.setAttribute('aria-expanded', 'false');
    control.focus();
  }

  function openEditor(spot: Spot, control: HTMLButtonElement) {
    if (spot.editor) return closeEditor(spot, control);
    const editor = element('div', 'learn-editor');
    const id = `learn-note-${++editors}`;
    const label = element('label');
    label.htmlFor = id;
    label.textContent = text('notes.editorLabel', { label: spot.place.label });
    const area = element('textarea');
    area.id = id;
    area.rows = 4;
    area.value = notes.get(spot.place.place)?.text ?? '';
    const actions = element('div', 'learn-actions');
    const save = element('button', 'button');
    save.type = 'button';
    save.textContent = text('notes.saveNote');
    const cancel = element('button', 'button secondary');
    cancel.type = 'button';
    cancel.textContent = text('notes.cancel');
    actions.append(save);
    if (notes.has(spot.place.place)) {
      const remove = element('button', 'button secondary');
      remove.type = 'button';
      remove.textContent = text('notes.deleteNote');
      remove.addEventListener('click', () => void write(''));
      actions.append(remove);
    }
    actions.append(cancel);
    editor.append(label, area, actions);

    async function write(value: string) {
      const { store } = (await storage(spot, 'note')) ?? {};
      if (!store) return;
      const result = await store.saveNote(spot.place, value);
      if (!succeeded(spot, result, 'note')) return;
      // Read back what was stored (trimmed, line breaks normalised), so the page shows exactly that.
      const stored = (await store.onPage([spot.place.place])).notes.get(spot.place.place);
      if (stored) notes.set(spot.place.place, stored);
      else notes.delete(spot.place.place);
      showNote(spot, stored);
      closeEditor(spot, control);
      announce(text(stored ? 'notes.noteSaved' : 'notes.noteDeleted'));
    }
    save.addEventListener('click', () => void write(area.value));
    cancel.addEventListener('click', () => closeEditor(spot, control));
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closeEditor(spot, control);
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void write(area.value);
    });
    (spot.noteView ?? spot.root).after(editor);
    spot.editor = editor;
    control.setAttribute('aria-expanded', 'true');
    area.focus();
  }

  document.addEventListener('click', (event) => {
    const control = (event.target as Element).closest<HTMLButtonElement>('[data-learn-action]');
    const spot = control && spots.find((candidate) => candidate.root.contains(control));
    if (!control || !spot) return;
    const action = control.dataset['learnAction'];
    if (action === 'bookmark') void toggleBookmark(spot, control);
    if (action === 'review') void toggleReview(spot, control);
    if (action === 'note') openEditor(spot, control);
  });

  watchSelection(host, spots, text('notes.highlight'), async (spot, passage) => {
    const { store } = (await storage(spot, 'highlight')) ?? {};
    if (!store || !spot.own) return;
    const result = await store.highlight(spot.place, passage);
    if (!succeeded(spot, result, 'highlight') || !result.ok) return;
    markPassage(spot.own, passage.start, passage.end, result.value.id);
    announce(text('notes.highlighted', { quote: passage.quote }));
  });
}

/** Shows "Đánh dấu" beside a selection made inside one clause's text. */
function watchSelection(
  host: HTMLElement,
  spots: readonly Spot[],
  label: string,
  onMark: (spot: Spot, passage: Passage) => Promise<void>,
) {
  const mark = element('button', 'learn-highlight no-print');
  mark.type = 'button';
  mark.textContent = label;
  mark.hidden = true;
  host.append(mark);
  let pending: { spot: Spot; passage: Passage } | null = null;

  const update = () => {
    const selection = document.getSelection();
    pending = null;
    mark.hidden = true;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const own = (container instanceof Element ? container : container.parentElement)?.closest(
      '.unit-own',
    );
    const spot = own && spots.find((candidate) => candidate.own === own);
    const passage = spot?.own && passageOf(spot.own, range);
    if (!spot || !passage) return;
    pending = { spot, passage };
    const box = range.getBoundingClientRect();
    mark.style.top = `${box.bottom + window.scrollY + 6}px`;
    mark.style.left = `${Math.max(8, box.left + window.scrollX)}px`;
    mark.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  // Pressing the button must not drop the selection before the click lands.
  mark.addEventListener('pointerdown', (event) => event.preventDefault());
  mark.addEventListener('click', () => {
    if (!pending) return;
    const { spot, passage } = pending;
    pending = null;
    mark.hidden = true;
    document.getSelection()?.removeAllRanges();
    void onMark(spot, passage);
  });
}
