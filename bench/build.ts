/**
 * Build cost as the corpus grows, and with or without citation auto-linking.
 * Generates synthetic regulations (our own filler text, in the layout of a law) into fixture
 * sites, builds each, and prints ms per page. Run: npm run bench:build
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const PROJECT = resolve('.');
const ROOT = join(PROJECT, 'tests/build/.fixtures/bench');

function synthetic(doc: number, articles: number): string {
  const lines = ['QUỐC HỘI', `Luật số: ${doc}/2099/QH99`, 'Hà Nội, ngày 1 tháng 1 năm 2099', 'LUẬT', `THỬ NGHIỆM ${doc}`];
  for (let a = 1; a <= articles; a++) {
    if (a % 10 === 1) lines.push(`Chương ${Math.ceil(a / 10)}`, `CHƯƠNG THỬ NGHIỆM ${Math.ceil(a / 10)}`);
    lines.push(`Điều ${a}. Nội dung thử nghiệm số ${a}`);
    for (let k = 1; k <= 3; k++) {
      lines.push(`${k}. Khoản thử nghiệm ${k} của điều ${a}, dẫn chiếu khoản 1 Điều ${Math.max(1, a - 1)} Luật Thử nghiệm ${doc}:`);
      lines.push('a) Điểm thứ nhất của khoản này;', 'b) Điểm thứ hai của khoản này.');
    }
  }
  return `${lines.join('\n')}\n`;
}

function writeSite(name: string, documents: number, articlesEach: number): string {
  const root = join(ROOT, name);
  rmSync(root, { recursive: true, force: true });
  for (let doc = 1; doc <= documents; doc++) {
    const dir = join(root, 'content/regulations', `luat-thu-nghiem-${doc}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'text.txt'), synthetic(doc, articlesEach));
    writeFileSync(
      join(dir, 'index.mdx'),
      `---\ntype: Luật\nnumber: ${doc}/2099/QH99\ncitation: x\n---\n`.replace(
        'citation: x\n',
        `title: Thử nghiệm ${doc}\nciteAs: Luật Thử nghiệm ${doc}\nissuer: Quốc hội\nstatus: con-hieu-luc\nsources:\n  - { title: Nguồn thử nghiệm, url: "https://example.org/" }\nverifiedAt: 2026-11-26\n`,
      ) + `\nVăn bản thử nghiệm ${doc}, dẫn chiếu Điều 1 Luật Thử nghiệm ${doc}.\n`,
    );
  }
  return root;
}

function build(
  root: string,
  config = 'astro.config.mjs',
  outDir = join(root, 'dist'),
): { ms: number; pages: number; bytes: number } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(PROJECT, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--root',
      root,
      '--config',
      relative(root, join(PROJECT, config)),
      '--outDir',
      outDir,
    ],
    { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  let pages = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        bytes += statSync(path).size;
        if (name.endsWith('.html')) pages++;
      }
    }
  };
  walk(outDir);
  return { ms, pages, bytes };
}

const report = (label: string, { ms, pages, bytes }: { ms: number; pages: number; bytes: number }) =>
  console.log(
    `${label.padEnd(34)} ${String(pages).padStart(6)} trang ${(ms / 1000).toFixed(1).padStart(7)} s ${(ms / pages).toFixed(1).padStart(6)} ms/trang ${(bytes / 1024 / 1024).toFixed(1).padStart(7)} MB`,
  );

const sizes = (process.argv[2] ?? '10,40').split(',').map(Number);
for (const documents of sizes) {
  report(`${documents} văn bản × 50 điều`, build(writeSite(`scale-${documents}`, documents, 50)));
}

// The same site without the remark plugin that auto-links citations.
const noAutolink = join(PROJECT, 'tests/build/.fixtures/astro.no-autolink.config.mjs');
writeFileSync(
  noAutolink,
  `import { unified } from '@astrojs/markdown-remark';
import base from '../../../astro.config.mjs';
import { remarkSource } from '../../../src/integrations/remark-source.ts';
export default { ...base, markdown: { processor: unified({ remarkPlugins: [[remarkSource, { components: ['Cite'] }]] }) } };
`,
);
const out = join(ROOT, 'site-dist');
const withPlugin = build(PROJECT, 'astro.config.mjs', out);
rmSync(out, { recursive: true, force: true });
const without = build(PROJECT, relative(PROJECT, noAutolink), out);
report('trang thật, có tự liên kết trích dẫn', withPlugin);
report('trang thật, không tự liên kết', without);
