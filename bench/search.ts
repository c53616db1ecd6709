/**
 * What a search costs a reader: bytes downloaded for a first query (the search island's JS,
 * Pagefind's JS and WebAssembly, index chunks, the excerpts of the first results) and for the
 * next query, on the built site and on a generated corpus of 5,000 articles; and how long
 * indexing takes. Run after `npm run build`: `npx node bench/search.ts [dist]`.
 * The 5,000 articles are our own synthetic text, written as article pages into a temp folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { close } from 'pagefind';
import { indexSite } from '../src/integrations/pagefind.ts';
import { resultViews } from '../src/lib/search/engine.ts';
import { foldVietnamese } from '../src/lib/text/fold.ts';
import { siteSearchFromDist, type Transfers } from '../tests/search/pagefind-node.ts';

const PROJECT = resolve('.');
const DIST = resolve(process.argv[2] ?? 'dist');
/** Results whose excerpts the search page loads at once. */
const FIRST_PAGE = 8;
const BUDGET = 150 * 1024;

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Bytes on the wire: Pagefind's own files are gzip already, the rest a static host gzips. */
const wireBytes = (path: string, bytes: number) =>
  /\.pf_|\.pagefind$/.test(path) ? bytes : gzipped(path);

/** The search page's island and every module it imports before it can run (not its lazy chunks). */
function islandBytes(dist: string): { bytes: number; files: number } {
  const html = readFileSync(join(dist, 'tim-kiem/index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, path] of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g,
    )) {
      if (path?.startsWith('.')) visit(join(dirname(file), path));
    }
  };
  for (const entry of entries) visit(join(dist, entry));
  return { bytes: [...seen].reduce((sum, file) => sum + gzipped(file), 0), files: seen.size };
}

interface Cost {
  bytes: number;
  requests: number;
  ms: number;
  /** Bytes by kind of file: "index 21.2 KB, fragment 8.7 KB, …". */
  parts: string;
}

const kindOf = (path: string) =>
  /\/(index|fragment|filter)\//.exec(path)?.[1] ??
  (path.endsWith('.pagefind') ? 'wasm' : basename(path).replace(/_[0-9a-f]+\./, '.'));

/** Runs a query as the search page does (search, then load the first results) and counts what it read. */
async function measure(
  search: Awaited<ReturnType<typeof siteSearchFromDist>>['search'],
  transfers: Transfers,
  query: string,
  extra = 0,
): Promise<Cost> {
  const from = transfers.length;
  const started = performance.now();
  const { pages } = await search(query);
  await resultViews(pages.slice(0, FIRST_PAGE), query);
  const reads = transfers.slice(from);
  const parts = new Map<string, number>();
  for (const { path, bytes } of reads)
    parts.set(kindOf(path), (parts.get(kindOf(path)) ?? 0) + wireBytes(path, bytes));
  return {
    bytes: extra + [...parts.values()].reduce((sum, bytes) => sum + bytes, 0),
    requests: reads.length + (extra ? 2 : 0),
    ms: performance.now() - started,
    parts: [...parts].map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', '),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (label: string, cost: Cost) =>
  `  ${label.padEnd(40)} ${kb(cost.bytes).padStart(9)} in ${String(cost.requests).padStart(2)} requests, ${cost.ms.toFixed(0).padStart(3)} ms${cost.bytes > BUDGET ? '  OVER BUDGET' : ''}\n      (${cost.parts})`;

/** Each pair: a first query on a fresh page, then the next query the reader types. */
async function report(title: string, dist: string, island: number, pairs: [string, string][]) {
  const pagefindJs = gzipped(join(dist, 'pagefind/pagefind.js'));
  console.log(
    `\n${title}: first queries include the island and pagefind.js (${kb(island + pagefindJs)})`,
  );
  let worst = 0;
  for (const [first, next] of pairs) {
    const { search, transfers } = await siteSearchFromDist(dist, PROJECT);
    const cost = await measure(search, transfers, first, island + pagefindJs);
    worst = Math.max(worst, cost.bytes);
    console.log(line(`first query "${first}"`, cost));
    console.log(line(`  then "${next}"`, await measure(search, transfers, next)));
  }
  return worst;
}

/**
 * Synthetic article pages, shaped like /van-ban/<slug>/dieu-<n>/ with its search attributes.
 * The text is generated: each document has a topic (a handful of the domain words below) that
 * makes up a quarter of its words; the rest are made-up syllables drawn with Zipf's law, so that,
 * as in real regulations, a few words are everywhere and most are rare.
 */
function generateCorpus(dir: string, articles: number): string[][] {
  const domain = (
    'cán bộ công chức đảng viên tổ chức cơ quan đơn vị kiểm tra giám sát thanh tra kỷ luật vi phạm ' +
    'quy định nhiệm vụ quyền hạn trách nhiệm thẩm quyền xem xét quyết định thi hành báo cáo kết luận ' +
    'hồ sơ tài liệu chứng cứ xác minh thời hạn thời hiệu khiếu nại tố cáo giải quyết xử lý hình thức ' +
    'khiển trách cảnh cáo cách chức khai trừ giải tán tài sản thu nhập kê khai công khai minh bạch ' +
    'phòng ngừa phát hiện ngăn chặn tham nhũng tiêu cực lãng phí lợi ích chung đổi mới sáng tạo bảo vệ ' +
    'cấp trên cấp dưới cùng cấp chi bộ đảng bộ ủy ban ban chấp hành thường vụ hội nghị biểu quyết'
  ).split(' ');
  const onsets = [
    'b',
    'c',
    'ch',
    'd',
    'đ',
    'g',
    'h',
    'k',
    'kh',
    'l',
    'm',
    'n',
    'ng',
    'nh',
    'ph',
    'r',
    's',
    't',
    'th',
    'tr',
    'v',
    'x',
  ];
  const rhymes = [
    'a',
    'ai',
    'an',
    'ang',
    'anh',
    'ao',
    'e',
    'en',
    'i',
    'inh',
    'o',
    'oa',
    'oi',
    'ong',
    'ô',
    'ôi',
    'ông',
    'ơ',
    'u',
    'ung',
    'ư',
    'ương',
  ];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const filler = onsets.flatMap((onset) =>
    rhymes.flatMap((rhyme) => tones.map((tone) => `${onset}${rhyme}${tone}`.normalize('NFC'))),
  );
  let seed = 20261126;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Zipf: the word of rank r is drawn with weight 1/r.
  const cumulative: number[] = [];
  filler.reduce((sum, _, rank) => (cumulative[rank] = sum + 1 / (rank + 1)), 0);
  const total = cumulative.at(-1) ?? 1;
  const zipf = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return filler[low] ?? '';
  };
  const documents = 100;
  const topics = Array.from({ length: documents }, () =>
    Array.from({ length: 12 }, () => domain[Math.floor(random() * domain.length)] ?? ''),
  );
  const sentence = (doc: number, length: number) =>
    Array.from({ length }, () =>
      random() < 0.25 ? topics[doc - 1]?.[Math.floor(random() * 12)] : zipf(),
    ).join(' ');
  for (let n = 0; n < articles; n++) {
    const doc = (n % documents) + 1;
    const article = Math.floor(n / documents) + 1;
    const name = `Quy định ${doc}-QĐ/TN`;
    const anchor = `dieu-${article}`;
    const clauses = Array.from({ length: 2 + (n % 3) }, (_, index) => {
      const id = `${anchor}-khoan-${index + 1}`;
      return `<div id="${id}" class="unit unit-khoan" data-pagefind-title="khoản ${index + 1} Điều ${article} ${name}"><div class="unit-own"><p><a class="marker" href="#${id}">${index + 1}.</a> ${sentence(doc, 25 + (n % 20))}.</p><button type="button" class="cite-copy" data-pagefind-ignore>Sao chép trích dẫn</button></div></div>`;
    }).join('');
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Điều ${article} ${name}</title></head><body><main data-pagefind-body><nav class="crumbs" data-pagefind-ignore><a href="/van-ban/">Văn bản</a></nav><h1 class="visually-hidden" data-pagefind-meta="title[data-search-title], type[data-search-type], document[data-search-document], status[data-search-status]" data-pagefind-filter="type[data-search-type], document[data-search-document], status[data-search-status]" data-search-type="Văn bản" data-search-document="${name}" data-search-status="Còn hiệu lực" data-search-title="Điều ${article} ${name}">Điều ${article} ${name}</h1><div id="${anchor}" class="unit unit-dieu"><div class="unit-own"><h2><a href="#${anchor}">Điều ${article}.</a> ${sentence(doc, 6)}</h2><p>${sentence(doc, 30)}.</p></div>${clauses}</div></main></body></html>`;
    const file = join(dir, 'van-ban', `quy-dinh-${doc}-qd-tn`, anchor, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  return topics;
}

const { bytes: island, files } = islandBytes(DIST);
console.log(
  `Search island: ${kb(island)} gzip in ${files} files; budget for a first query: ${kb(BUDGET)}`,
);
const site = await report(`Built site (${DIST})`, DIST, island, [
  ['ky luat dang', 'thời hiệu kỷ luật'],
  ['thời hiệu kỷ luật', 'khien trach'],
  ['khoản 2 điều 32 điều lệ', 'ubkt'],
]);

const temp = mkdtempSync(join(tmpdir(), 'camnang-search-bench-'));
try {
  const dist = join(temp, 'dist');
  const count = 5000;
  const topics = generateCorpus(dist, count);
  // Words that stand together in some documents, typed with and without marks.
  const words = (doc: number) => [...new Set(topics[doc] ?? [])].slice(0, 3).join(' ');
  const started = performance.now();
  const { pages } = await indexSite(dist, temp);
  const ms = performance.now() - started;
  console.log(
    `\nGenerated corpus: ${pages} articles indexed in ${(ms / 1000).toFixed(1)} s (${(ms / pages).toFixed(2)} ms per page)`,
  );
  const generated = await report(`${count} articles`, dist, island, [
    [foldVietnamese(words(0)), words(1)],
    [words(2), foldVietnamese(words(3))],
    ['khoản 2 điều 3 qđ 7', 'ubkt'],
  ]);
  console.log(
    `\nLargest first query: ${kb(site)} (built site), ${kb(generated)} (${count} articles); budget ${kb(BUDGET)}`,
  );
  // The budget is for the site as built (ARCHITECTURE.md); the generated corpus shows the trend.
  if (site > BUDGET) process.exitCode = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
  await close();
}
