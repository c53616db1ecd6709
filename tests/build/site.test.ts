import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_FILES } from '../../src/lib/offline/manifest.ts';
import { REGULATION, buildFixture } from './fixture.ts';

describe('a fixture site', () => {
  let site: ReturnType<typeof buildFixture>;

  beforeAll(() => {
    site = buildFixture(
      'basic',
      {
        'content/regulations/quy-dinh-9/index.mdx': REGULATION(),
        'content/regulations/quy-dinh-8/index.mdx': REGULATION('')
          .replace('9-QĐ/TW', '8-QĐ/TW')
          .replace('status: con-hieu-luc', 'status: het-hieu-luc'),
        'content/regulations/quy-dinh-10/index.mdx': REGULATION(
          'relations:\n  replaces: [quy-dinh-8, { name: "Quy định 1-QĐ/TW" }]\n',
        ).replace('9-QĐ/TW', '10-QĐ/TW'),
        'content/glossary/giam-sat.yaml': 'term: Giám sát\ndefinition: Theo dõi để cảnh báo sớm.\n',
        'content/lessons/bai-mot.mdx':
          '---\ntitle: Bài một\ndescription: Mô tả\nauthor: Tổ soạn\nupdatedAt: 2026-11-26\n---\n\nNội dung **bài học**.\n',
      },
      { CAMNANG_SITE: 'https://camnang.example.vn' },
    );
  }, 120_000);

  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('writes Vietnamese pages with titles', () => {
    const home = site.page('');
    expect(home).toMatch(/<html lang="vi"/);
    expect(home).toContain('<title>Cẩm nang Kiểm tra</title>');
    expect(site.page('van-ban/quy-dinh-9')).toContain(
      '<title>Quy định 9-QĐ/TW · Cẩm nang Kiểm tra</title>',
    );
    expect(site.page('bai-hoc/bai-mot')).toContain('<strong>bài học</strong>');
    expect(site.page('thuat-ngu/giam-sat')).toContain('Theo dõi để cảnh báo sớm.');
  });

  it('links a replaced document to its replacement, and back', () => {
    const old = site.page('van-ban/quy-dinh-8');
    expect(old).toContain('Bị thay thế bởi');
    expect(old).toContain('href="/van-ban/quy-dinh-10/"');
    const current = site.page('van-ban/quy-dinh-10');
    expect(current).toContain('href="/van-ban/quy-dinh-8/"');
    expect(current).toContain('Quy định 1-QĐ/TW');
    expect(site.page('van-ban')).toContain('href="/van-ban/quy-dinh-10/"');
  });

  it('sorts lists with Vietnamese collation and numbers in order', () => {
    const byType = site.page('van-ban').split('class="by-status"')[0] ?? '';
    const headings = [...byType.matchAll(/<h3[^>]*>\s*<a[^>]*>([^<]+)<\/a>/g)];
    expect(headings.map((m) => m[1])).toEqual([
      'Quy định 8-QĐ/TW',
      'Quy định 9-QĐ/TW',
      'Quy định 10-QĐ/TW',
    ]);
  });

  it('indexes the pages for search', () => {
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
  });

  it('writes a service worker, self-contained, with the offline page precached', () => {
    const worker = site.file('sw.js');
    const offline = site.page('ngoai-tuyen');
    expect(offline).toContain('Bạn đang ngoại tuyến');
    expect(worker).toMatch(/url:"\/ngoai-tuyen\/",revision:"[0-9a-f]{16}"/);
    // What the offline page loads is precached with it.
    for (const [, asset] of offline.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)) {
      expect(worker).toContain(`url:"${asset}"`);
    }
    // So are the manifest and icons: an installed site opens offline with its icon.
    for (const file of INSTALL_FILES) {
      expect(site.exists(file.slice(1)), file).toBe(true);
      expect(worker).toMatch(new RegExp(`url:"${file}",revision:"[0-9a-f]{16}"`));
    }
    // Workbox is bundled in, never fetched from its CDN.
    expect(worker).not.toMatch(/importScripts|workbox-cdn|storage\.googleapis/);
    expect(site.page('').includes("navigator.serviceWorker.register('/sw.js')")).toBe(true);
    expect(site.file('sitemap-0.xml')).not.toContain('ngoai-tuyen');
  });
  it('gives canonical links and the sitemap when CAMNANG_SITE is set', () => {
    expect(site.page('van-ban/quy-dinh-9')).toContain(
      '<link rel="canonical" href="https://camnang.example.vn/van-ban/quy-dinh-9/">',
    );
    expect(site.file('sitemap-0.xml')).toContain(
      '<loc>https://camnang.example.vn/van-ban/quy-dinh-9/</loc>',
    );
    expect(site.written().filter(({ text }) => text.includes('127.0.0.1'))).toEqual([]);
  });
});

describe('the deployment address', () => {
  it('is named nowhere when CAMNANG_SITE is unset, and the build says so', () => {
    const bare = buildFixture('no-site', {
      'content/glossary/giam-sat.yaml': 'term: Giám sát\ndefinition: Theo dõi để cảnh báo sớm.\n',
    });
    expect(bare.status, bare.output).toBe(0);
    expect(bare.output).toContain('Chưa đặt CAMNANG_SITE');
    expect(bare.exists('sitemap-index.xml')).toBe(false);
    const pages = bare.written();
    expect(pages.map(({ path }) => path)).toContain('thuat-ngu/giam-sat/index.html');
    expect(pages.filter(({ text }) => /127\.0\.0\.1|rel="(canonical|sitemap)"/.test(text))).toEqual(
      [],
    );
  }, 120_000);
});

describe('a fixture site with a content error', () => {
  it('stops the build and names the file, line and field', () => {
    const site = buildFixture('broken', {
      'content/regulations/quy-dinh-9/index.mdx': REGULATION(
        'relations:\n  replaces: [khong-co]\n',
      ),
    });
    expect(site.status).not.toBe(0);
    expect(site.output).toContain(
      'content/regulations/quy-dinh-9/index.mdx:9: relations.replaces.0: không có văn bản nào có mã "khong-co"',
    );
  }, 120_000);
});
