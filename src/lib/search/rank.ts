/** One page found by one Pagefind search; `hit` is whatever loads its excerpt. */
export interface Found<H> {
  id: string;
  score: number;
  hit: H;
}

/** What the searches of one alternative (see plan.ts) found. */
export interface AlternativeFound<H> {
  words: readonly Found<H>[];
  /** One list per quoted phrase the reader typed. */
  phrases: readonly (readonly Found<H>[])[];
  /** Pages holding all the words side by side, when that was searched. */
  wholePhrase: readonly Found<H>[] | null;
}

export interface RankedPage<H> {
  id: string;
  score: number;
  /** The words stand together on the page (or the reader's phrases are all there). */
  phrase: boolean;
  /** The search whose excerpt to show: the phrase search when it matched, its marks are tighter. */
  hit: H;
}

const better = <H>(a: RankedPage<H>, b: RankedPage<H>) =>
  a.phrase !== b.phrase ? a.phrase : a.score > b.score;

/**
 * Merges the searches of every alternative into one ranking: pages where the words stand together
 * first, then by Pagefind's score; a page found several ways keeps its best. A page must hold
 * every phrase the reader quoted.
 */
export function rankPages<H>(alternatives: readonly AlternativeFound<H>[]): RankedPage<H>[] {
  const best = new Map<string, RankedPage<H>>();
  const offer = (page: RankedPage<H>) => {
    const known = best.get(page.id);
    if (!known || better(page, known)) best.set(page.id, page);
  };
  for (const found of alternatives) {
    const quoted = found.phrases.map((list) => new Map(list.map((page) => [page.id, page])));
    const together = new Map((found.wholePhrase ?? []).map((page) => [page.id, page]));
    for (const page of found.words) {
      if (!quoted.every((list) => list.has(page.id))) continue;
      const phraseHit = quoted.length ? quoted[0]?.get(page.id) : together.get(page.id);
      offer({
        id: page.id,
        score: page.score,
        phrase: phraseHit !== undefined,
        hit: phraseHit?.hit ?? page.hit,
      });
    }
  }
  return [...best.values()].sort((a, b) =>
    a.phrase !== b.phrase ? (a.phrase ? -1 : 1) : b.score - a.score || a.id.localeCompare(b.id),
  );
}
