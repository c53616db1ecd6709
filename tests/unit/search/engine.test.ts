import { describe, expect, it, vi } from 'vitest';
import { compileAbbreviations } from '../../../src/lib/search/abbreviations.ts';
import type { CitationIndex } from '../../../src/lib/search/citation-index.ts';
import { createSiteSearch, resultViews } from '../../../src/lib/search/engine.ts';
import type { PagefindApi, PagefindHit } from '../../../src/lib/search/pagefind.ts';

/** A Pagefind that finds the pages listed for each exact query string. */
function fakePagefind(answers: Record<string, [string, number][]>) {
  const calls: { term: string; filters: Record<string, string> | undefined }[] = [];
  const api: PagefindApi = {
    options: async () => {},
    filters: async () => ({}),
    search: async (query, options) => {
      const term = query ?? '';
      calls.push({ term, filters: options?.filters });
      const results: PagefindHit[] = (answers[term] ?? []).map(([id, score]) => ({
        id,
        score,
        data: async () => ({
          url: `/${id}/`,
          content: term,
          excerpt: term,
          meta: { title: id },
          filters: {},
          sub_results: [],
        }),
      }));
      return { results };
    },
  };
  return { api, calls };
}

const INDEX: CitationIndex = {
  names: { 'qd 69': ['qd-69'] },
  documents: {
    'qd-69': { name: 'Quy định 69-QĐ/TW', status: 'con-hieu-luc', anchors: ['dieu-4'] },
  },
};

describe('site search', () => {
  it('runs every alternative and its phrase, merges them and passes the filters on', async () => {
    const { api, calls } = fakePagefind({
      'ky luat dang': [['dang-noi', 3]],
      'ky luat đang': [
        ['ky-luat-dang', 2],
        ['xa-nhau', 5],
      ],
      '"ky luat đang"': [['ky-luat-dang', 1]],
    });
    const search = createSiteSearch({
      pagefind: async () => api,
      abbreviations: new Map(),
      citations: vi.fn(),
    });
    const { pages, jumps } = await search('ky luat dang', { type: 'Thuật ngữ' });
    expect(pages.map((page) => page.id)).toEqual(['ky-luat-dang', 'xa-nhau', 'dang-noi']);
    expect(jumps).toEqual([]);
    expect(calls.map((call) => call.term)).toEqual(
      expect.arrayContaining(['ky luat dang', '"ky luat dang"', 'ky luat đang', '"ky luat đang"']),
    );
    expect(calls.every((call) => call.filters?.['type'] === 'Thuật ngữ')).toBe(true);
  });

  it('loads the citation index only for a query that looks like a citation, and once', async () => {
    const { api } = fakePagefind({});
    const citations = vi.fn(async () => INDEX);
    const search = createSiteSearch({
      pagefind: async () => api,
      abbreviations: compileAbbreviations([{ short: 'QĐ', long: 'Quy định' }]),
      citations,
    });
    await search('kỷ luật');
    expect(citations).not.toHaveBeenCalled();
    expect((await search('dieu 4 qd 69')).jumps.map((jump) => jump.url)).toEqual([
      '/van-ban/qd-69/dieu-4/#dieu-4',
    ]);
    await search('điều 4 qđ 69');
    expect(citations).toHaveBeenCalledTimes(1);
  });

  it('still answers when the citation index cannot be loaded', async () => {
    const { api } = fakePagefind({ 'dieu 4 qd 69': [['a', 1]] });
    const search = createSiteSearch({
      pagefind: async () => api,
      abbreviations: new Map(),
      citations: async () => {
        throw new Error('offline');
      },
    });
    const result = await search('dieu 4 qd 69');
    expect(result.jumps).toEqual([]);
    expect(result.pages.map((page) => page.id)).toEqual(['a']);
  });

  it('also searches a query typed without marks with the marks most used on the site', async () => {
    const { api, calls } = fakePagefind({});
    const diacritics = vi.fn(async () => ({ ky: 'kỷ', luat: 'luật', dang: 'đảng' }));
    const search = createSiteSearch({
      pagefind: async () => api,
      abbreviations: new Map(),
      citations: vi.fn(),
      diacritics,
    });
    await search('ky luat dang');
    expect(calls.map((call) => call.term)).toEqual(
      expect.arrayContaining(['kỷ luật đảng', '"kỷ luật đảng"']),
    );
    await search('kỷ luật');
    expect(diacritics).toHaveBeenCalledTimes(1);
  });
});

describe('result views', () => {
  it('puts the page whose title is the query first', async () => {
    const { api } = fakePagefind({
      'thanh tra': [
        ['Luật Thanh tra 2025', 9],
        ['Thanh tra', 5],
      ],
    });
    const search = createSiteSearch({
      pagefind: async () => api,
      abbreviations: new Map(),
      citations: vi.fn(),
    });
    const { pages } = await search('thanh tra');
    expect((await resultViews(pages)).map((view) => view.title)).toEqual([
      'Luật Thanh tra 2025',
      'Thanh tra',
    ]);
    expect((await resultViews(pages, 'Thanh  tra')).map((view) => view.title)).toEqual([
      'Thanh tra',
      'Luật Thanh tra 2025',
    ]);
  });
});
