import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createIndex } from 'pagefind';
import { loadRegulations } from '../lib/content/regulations.ts';
import { buildRegistry } from '../lib/legal/resolve.ts';
import { compileAbbreviations } from '../lib/search/abbreviations.ts';
import { readAbbreviations } from '../lib/search/abbreviations-file.ts';
import { buildCitationIndex, CITATION_INDEX_PATH } from '../lib/search/citation-index.ts';
import {
  countWords,
  diacriticsTable,
  DIACRITICS_TABLE_PATH,
  type WordCounts,
} from '../lib/search/suggest.ts';

/**
 * A page is a search result when its template says what kind of content it is
 * (`data-pagefind-filter="type[…]"`): regulation articles and documents, lessons, cases, guidance
 * and glossary terms. Lists, the home page, progress and search itself say nothing and stay out.
 */
const RESULT_PAGE = /data-pagefind-filter="type\[/;
/**
 * Pagefind splits its index into chunks of about this size (its default is 20000): smaller chunks
 * mean a query downloads little more than the words it asks for (bench/search.ts: a first query
 * on this site falls from about 175 KB to 118 KB). Pagefind reads it from the environment when its
 * service starts, and calls it unstable: should it go away, the index only comes in bigger pieces.
 */
const INDEX_CHUNK_SIZE = '2000';
const BATCH = 64;
/**
 * Astro writes table cells with nothing between them, and Pagefind reads header cells as one
 * run of text ("Tổ chức đảngĐảng viên chính thức"): a space keeps their words apart, in the
 * index and in excerpts.
 */
const CELL_END = /<\/(th|td)>(?=<)/g;
const MAIN = /<main\b[^>]*>([\s\S]*?)<\/main>/;

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** "van-ban/x/dieu-5/index.html" → "/van-ban/x/dieu-5/", as the site serves it. */
function urlOf(outDir: string, file: string): string {
  const path = relative(outDir, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

function textOf(html: string): string {
  return (MAIN.exec(html)?.[1] ?? '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ');
}

function writeJson(outDir: string, path: string, data: unknown): number {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  const text = JSON.stringify(data);
  writeFileSync(file, text);
  return text.length;
}

/**
 * After the build: indexes the result pages into `dist/pagefind/`, and writes what the search page
 * loads on demand: the citation index (for a query like "khoản 2 điều 5 qđ 69") and the table
 * that gives a query typed without marks the marks most used on the site ("thoi hieu" → "thời hiệu").
 * `root` holds `content/`.
 */
export async function indexSite(
  outDir: string,
  root: string,
): Promise<{ pages: number; citationBytes: number; diacriticsBytes: number }> {
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const words: WordCounts = new Map();
  let pages = 0;
  const add = async (file: string) => {
    const content = readFileSync(file, 'utf8');
    if (!RESULT_PAGE.test(content)) return;
    const added = await index.addHTMLFile({
      url: urlOf(outDir, file),
      content: content.replace(CELL_END, '</$1> '),
    });
    if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
    countWords(textOf(content), words);
    pages++;
  };
  // Pagefind's service parses pages in parallel: keep a batch in flight rather than one page.
  const files = [...htmlFiles(outDir)];
  for (let start = 0; start < files.length; start += BATCH) {
    await Promise.all(files.slice(start, start + BATCH).map(add));
  }
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();

  const { regulations, bodies } = loadRegulations(root);
  const abbreviations = compileAbbreviations(readAbbreviations(root));
  const citations = buildCitationIndex(
    regulations,
    buildRegistry(regulations, bodies),
    abbreviations,
  );
  return {
    pages,
    citationBytes: writeJson(outDir, CITATION_INDEX_PATH, citations),
    diacriticsBytes: writeJson(outDir, DIACRITICS_TABLE_PATH, diacriticsTable(words)),
  };
}
