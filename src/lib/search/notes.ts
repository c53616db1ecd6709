import lunr from 'lunr';
import { foldVietnamese } from '../text/fold.ts';

/** A learner's note as the notes search indexes it. */
export interface Note {
  id: string;
  title: string;
  text: string;
  /** The page the note is about. */
  url: string;
}

export interface NoteHit {
  id: string;
  score: number;
}

/**
 * Vietnamese folding as a lunr pipeline step ("Kỷ luật Đảng" → "ky luat dang"). It must run before
 * lunr.trimmer, whose `\W` treats precomposed letters as punctuation and cuts "kỷ" to "k"; and in
 * the search pipeline too, so a query with or without marks (or with d for đ) meets the same words.
 */
export const foldVietnameseToken: lunr.PipelineFunction = (token) =>
  token.update((text) => foldVietnamese(text));
lunr.Pipeline.registerFunction(foldVietnameseToken, 'foldVietnamese');

export function buildNotesIndex(notes: readonly Note[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 2 });
    this.field('text');
    // lunr's English stop words and stemmer have nothing to do with Vietnamese.
    this.pipeline.reset();
    this.pipeline.add(foldVietnameseToken, lunr.trimmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(foldVietnameseToken);
    for (const { id, title, text } of notes) this.add({ id, title, text });
  });
}

/**
 * Notes holding every word of the query, best first. The query is read as plain words (lunr's
 * query syntax would choke on "khoản 2:"); the last word also matches as a prefix, for typing.
 */
export function searchNotes(index: lunr.Index, query: string): NoteHit[] {
  const words = foldVietnamese(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  return index
    .query((builder) => {
      words.forEach((word, position) => {
        const last = position === words.length - 1;
        builder.term(word, {
          presence: lunr.Query.presence.REQUIRED,
          wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        });
      });
    })
    .map(({ ref, score }) => ({ id: ref, score }));
}
