import type { AbbreviationTable } from './abbreviations.ts';
import type { CitationIndex } from './citation-index.ts';
import { citationJumps, looksLikeCitation, type CitationJump } from './citation-query.ts';
import type { PagefindApi, PagefindHit } from './pagefind.ts';
import { hasDiacritics, searchKey } from './normalize.ts';
import { planQuery } from './plan.ts';
import { rankPages, type Found, type RankedPage } from './rank.ts';
import { resultView, type ResultView } from './results.ts';
import { withDiacritics, type DiacriticsTable } from './suggest.ts';

/** What results can be narrowed to: the filters the page templates declare (`data-pagefind-filter`). */
export type FilterName = 'type' | 'document' | 'status';
export type SearchFilters = Partial<Record<FilterName, string>>;

export interface SiteSearchSources {
  pagefind: () => Promise<PagefindApi>;
  abbreviations: AbbreviationTable;
  /** Called only when a query looks like a citation, at most once if it succeeds. */
  citations: () => Promise<CitationIndex>;
  /** Called only for a query typed without marks, at most once if it succeeds. */
  diacritics?: () => Promise<DiacriticsTable>;
}

export interface SiteSearchResult {
  /** Direct links to the clause the query cites, shown before everything else. */
  jumps: CitationJump[];
  /** Every page found, best first; load what is shown with `resultViews`. */
  pages: RankedPage<PagefindHit>[];
}

/**
 * The site search behind the search page and the quality test: one query becomes the Pagefind
 * searches of plan.ts, run at once and merged by rank.ts, plus a citation jump when it cites a clause.
 */
export function createSiteSearch(sources: SiteSearchSources) {
  const once = <T>(load: () => Promise<T>) => {
    let loaded: Promise<T | null> | undefined;
    return () =>
      (loaded ??= load().catch(() => {
        loaded = undefined;
        return null;
      }));
  };
  const citationIndex = once(sources.citations);
  const diacriticsTable = sources.diacritics ? once(sources.diacritics) : null;

  /**
   * A query typed without marks, also with the marks most used on the site ("thoi hieu" →
   * "thời hiệu"): Pagefind then ranks the pages spelled that way first, as it does for a query
   * typed with marks; the query as typed still finds every other reading.
   */
  const withMarks = async (query: string) => {
    if (!diacriticsTable || hasDiacritics(query)) return null;
    const table = await diacriticsTable();
    return table ? withDiacritics(query, table) : null;
  };

  return async function search(
    query: string,
    filters: SearchFilters = {},
  ): Promise<SiteSearchResult> {
    const plan = planQuery(query, sources.abbreviations);
    const jumps = looksLikeCitation(query)
      ? citationIndex().then((index) => (index ? citationJumps(query, index) : []))
      : Promise.resolve([]);
    if (plan.alternatives.length === 0) return { jumps: await jumps, pages: [] };
    const [pagefind, marked] = await Promise.all([sources.pagefind(), withMarks(query)]);
    const restored = marked ? planQuery(marked, sources.abbreviations).alternatives[0] : undefined;
    const alternatives =
      restored && !plan.alternatives.some((other) => other.words === restored.words)
        ? [...plan.alternatives, restored]
        : plan.alternatives;
    const chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
    const run = async (term: string): Promise<Found<PagefindHit>[]> =>
      (await pagefind.search(term, { filters: chosen })).results.map((hit) => ({
        id: hit.id,
        score: hit.score,
        hit,
      }));
    const found = await Promise.all(
      alternatives.map(async (alternative) => {
        const [words, wholePhrase, phrases] = await Promise.all([
          run(alternative.words),
          alternative.wholePhrase ? run(alternative.wholePhrase) : null,
          Promise.all(alternative.phrases.map(run)),
        ]);
        return { words, wholePhrase, phrases };
      }),
    );
    return { jumps: await jumps, pages: rankPages(found) };
  };
}

/**
 * Loads the excerpts of the pages shown (one small fragment file each). Given the query, a page
 * whose title is the query ("thanh tra" → the term "Thanh tra") comes first: Pagefind ranks before
 * it has loaded any title, and a longer title that holds the words scores as high.
 */
export async function resultViews(
  pages: readonly RankedPage<PagefindHit>[],
  query?: string,
): Promise<ResultView[]> {
  const views = await Promise.all(pages.map(async (page) => resultView(await page.hit.data())));
  if (query === undefined) return views;
  const key = searchKey(query);
  const named = views.filter((view) => searchKey(view.title) === key);
  return [...named, ...views.filter((view) => !named.includes(view))];
}
