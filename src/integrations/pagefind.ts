import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createIndex } from 'pagefind';
import { loadRegulations } from '../lib/content/regulations.ts';
import { buildRegistry } from '../lib/legal/resolve.ts';
import { compileAbbreviations } from '../lib/search/abbreviations.ts';
import { readAbbreviations } from '../lib/search/abbreviations-file.ts';
import { buildCitationIndex, CITATION_INDEX_PATH } from '../lib/search/citation-index.ts';
import { countWords, diacriticsTable, DIACRITICS_TABLE_PATH, type WordCounts } from '../lib/search/suggest.ts';

/**
 * A page is a search result when its template says what kind of content it is
 * (`data-pagefind-filter="type[…]"`): regulation articles and documents, lessons, cases, guidance
 * and glossary terms. Lists, the home page, progress and search itself say nothing and stay out.
 */
const RESULT_PAGE = /data-pagefind-filter="type\[/;
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
 * loads on demand: the citation index (a query like "khoản 2 điều 5 qđ 69") and the table that
 * gives a query typed without marks its marks back (a query that found nothing).
 * `root` holds `content/`; Astro's default `outDir` is `<root>/dist`.
 */
export async function indexSite(
  outDir: string,
  root = dirname(outDir),
): Promise<{ pages: number; citationBytes: number; diacriticsBytes: number }> {
  const { index, errors } = await createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const words: WordCounts = new Map();
  let pages = 0;
  for (const file of htmlFiles(outDir)) {
    const content = readFileSync(file, 'utf8');
    if (!RESULT_PAGE.test(content)) continue;
    const added = await index.addHTMLFile({ url: urlOf(outDir, file), content });
    if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
    countWords(textOf(content), words);
    pages++;
  }
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();

  const { regulations, bodies } = loadRegulations(root);
  const abbreviations = compileAbbreviations(readAbbreviations(root));
  const citations = buildCitationIndex(regulations, buildRegistry(regulations, bodies), abbreviations);
  return {
    pages,
    citationBytes: writeJson(outDir, CITATION_INDEX_PATH, citations),
    diacriticsBytes: writeJson(outDir, DIACRITICS_TABLE_PATH, diacriticsTable(words)),
  };
}
