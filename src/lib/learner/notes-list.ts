import type { Note } from '../search/notes.ts';
import { compareVietnamese } from '../text/collate.ts';
import type { AllNotes } from './notes-store.ts';
import type { Place } from './records.ts';

export type EntryKind = 'bookmark' | 'note' | 'highlight';

/** One line of /ghi-chu/: a bookmark, a note or a highlight, with the place it belongs to. */
export interface NoteEntry {
  /** Unique over all kinds: `note:/van-ban/…`. */
  id: string;
  kind: EntryKind;
  /** The row's key in its table: the place, or a highlight's id. */
  key: string;
  place: Place;
  /** The note, or the highlighted passage; empty for a bookmark. */
  text: string;
  /** Where a highlight starts, to list a clause's highlights in reading order. */
  start: number;
  updatedAt: number;
}

export interface NoteGroup {
  docId: string;
  docTitle: string;
  /** What the document is, for the group's heading. */
  docType: 'regulation' | 'lesson' | 'case';
  entries: NoteEntry[];
}

const KIND_ORDER: Record<EntryKind, number> = { bookmark: 0, note: 1, highlight: 2 };

export function entriesOf(all: AllNotes): NoteEntry[] {
  const entry = (
    kind: EntryKind,
    key: string,
    place: Place,
    text: string,
    start: number,
    updatedAt: number,
  ): NoteEntry => ({
    id: `${kind}:${key}`,
    kind,
    key,
    place,
    text,
    start,
    updatedAt,
  });
  return [
    ...all.bookmarks.map((row) => entry('bookmark', row.place, row, '', 0, row.updatedAt)),
    ...all.notes.map((row) => entry('note', row.place, row, row.text, 0, row.updatedAt)),
    ...all.highlights.map((row) =>
      entry('highlight', row.id, row, row.quote, row.start, row.updatedAt),
    ),
  ];
}

/**
 * Entries grouped by document, documents in Vietnamese dictionary order, and within one the
 * places in reading order (the collator compares numbers as numbers: Điều 5 before Điều 10).
 */
export function groupByDocument(entries: readonly NoteEntry[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const entry of entries) {
    const { docId, docTitle, type } = entry.place;
    const group = groups.get(docId) ?? {
      docId,
      docTitle,
      docType: type === 'lesson' || type === 'case' ? type : 'regulation',
      entries: [],
    };
    group.entries.push(entry);
    groups.set(docId, group);
  }
  for (const group of groups.values()) {
    group.entries.sort(
      (a, b) =>
        compareVietnamese(a.place.place, b.place.place) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.start - b.start,
    );
  }
  return [...groups.values()].sort(
    (a, b) => compareVietnamese(a.docTitle, b.docTitle) || compareVietnamese(a.docId, b.docId),
  );
}

/** The entries as the notes search (lunr, with Vietnamese folding) indexes them. */
export const searchableNotes = (entries: readonly NoteEntry[]): Note[] =>
  entries.map((entry) => ({
    id: entry.id,
    title: `${entry.place.label} ${entry.place.docTitle}`,
    text: entry.text,
    url: entry.place.place,
  }));

/** A stored place as a link: only paths on this site, whatever a tampered import may have held. */
export const siteHref = (place: string): string =>
  /^\/(?![/\\])[^\s\\]*$/.test(place) ? place : '#';
