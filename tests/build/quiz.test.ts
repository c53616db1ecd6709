import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './fixture.ts';

const FIXTURE = 'tests/fixtures/quiz/quizzes';
const read = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');

// The same bank, stripped of its key, as an exam bank; the key lives in quizzes/keys/.
const EXAM_BANK = read('banks/ky-luat-dang-mau.yaml')
  .replace(/^\s+answer:.*$/gm, '')
  .replace(/^\s+explanation:.*$/gm, '')
  .replace(/id: ([a-z0-9-]+)$/gm, (line, id: string) => line.replace(id, `thi-${id}`))
  .replace('title: Kỷ luật đảng (mẫu)', 'title: Đề thi');

describe('the quiz pages', () => {
  let site: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    site = buildFixture('quiz', {
      'quizzes/ky-luat-dang-mau.yaml': read('ky-luat-dang-mau.yaml'),
      'quizzes/banks/ky-luat-dang-mau.yaml': read('banks/ky-luat-dang-mau.yaml'),
      'quizzes/banks/de-thi.yaml': EXAM_BANK,
      'quizzes/thi-thu.yaml': read('ky-luat-dang-mau.yaml')
        .replace('mode: practice', 'mode: exam')
        .replace('banks: [ky-luat-dang-mau]', 'banks: [de-thi]'),
      'quizzes/keys/thi-thu.yaml':
        'version: 1\nanswers:\n  thi-khai-tru-la-hinh-thuc-cao-nhat: { answer: true, explanation: BÍ MẬT ĐÁP ÁN }\n',
    });
  }, 120_000);

  it('builds', () => expect(site.status, site.output).toBe(0));

  it('renders the island with the quiz and its scoring rules', () => {
    const page = site.page('trac-nghiem/ky-luat-dang-mau');
    expect(page).toContain('<astro-island');
    expect(page).toContain('Cách tính điểm');
    expect(page).toContain('không âm');
  });

  it('keeps the questions out of the page, in a file the island fetches', () => {
    const page = site.page('trac-nghiem/ky-luat-dang-mau');
    expect(page.includes('/trac-nghiem/ky-luat-dang-mau/noi-dung.json')).toBe(true);
    expect(page.includes('Cách chức')).toBe(false);
    expect(Buffer.byteLength(page)).toBeLessThan(40_000);
  });

  it('ships the practice key with the questions, so feedback works without a server', () => {
    const data = JSON.parse(site.file('trac-nghiem/ky-luat-dang-mau/noi-dung.json'));
    expect(JSON.stringify(data.key)).toContain('Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo');
    expect(data.banks[0].questions.length).toBeGreaterThan(0);
  });

  it('never ships an exam key or explanation', () => {
    const data = site.file('trac-nghiem/thi-thu/noi-dung.json');
    expect(data).toContain('thi-hinh-thuc-ky-luat-dang-vien-du-bi');
    for (const text of [data, site.page('trac-nghiem/thi-thu')]) {
      expect(text.includes('"explanation"')).toBe(false);
      expect(text.includes('"answer"')).toBe(false);
      expect(text.includes('"key"')).toBe(false);
      expect(text.includes('BÍ MẬT ĐÁP ÁN')).toBe(false);
    }
  });

  it('ships at most 50 KB of gzipped JavaScript on a quiz page', () => {
    const page = site.page('trac-nghiem/ky-luat-dang-mau');
    const dir = site.dir('_astro');
    const gzip = (code: string) => gzipSync(code).length;
    const chunk = (file: string) => readFileSync(join(dir, file), 'utf8');
    // Every module the page's scripts import, and, apart, those imported only on demand.
    const loaded = new Set<string>();
    const onDemand = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = chunk(file);
      for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1] ?? '');
      for (const m of code.matchAll(/import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g)) {
        onDemand.add(m[1] ?? '');
      }
    };
    for (const m of page.matchAll(/(?:component-url|renderer-url|src)="\/_astro\/([^"]+\.js)"/g)) {
      visit(m[1] ?? '');
    }
    const inline = [...page.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const total =
      inline.reduce((sum, code) => sum + gzip(code), 0) +
      [...loaded].reduce((sum, file) => sum + gzip(chunk(file)), 0);
    const later = [...onDemand].filter((file) => !loaded.has(file));
    const laterSize = later.reduce((sum, file) => sum + gzip(chunk(file)), 0);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `quiz page: ${kb(total)} gzip JS in ${loaded.size} modules and ${inline.length} inline scripts; ` +
        `plus ${kb(laterSize)} loaded only on demand (${later.join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(50 * 1024);
  });
});
