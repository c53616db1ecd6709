import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');

function camnang(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'bin/camnang.mjs'), 'cite', ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// A site with one invented law imported as text.txt, to check that official text is read.
const site = mkdtempSync(join(tmpdir(), 'camnang-cite-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, 'content/regulations/luat-mau-2031'), { recursive: true });
writeFileSync(
  join(site, 'content/regulations/luat-mau-2031/index.mdx'),
  [
    '---',
    'type: Luật',
    'number: 99/2031/QH99',
    'title: Thử nghiệm mẫu',
    'citeAs: Luật Mẫu 2031',
    'issuer: Quốc hội',
    'status: con-hieu-luc',
    'sources:',
    '  - title: Nguồn mẫu',
    '    url: https://example.org/',
    'verifiedAt: 2031-06-12',
    '---',
    'Luật giả định dùng để kiểm thử.',
    '',
  ].join('\n'),
);
writeFileSync(
  join(site, 'content/regulations/luat-mau-2031/text.txt'),
  [
    'Chương I',
    'NHỮNG QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi áp dụng',
    'Luật này quy định về việc thử nghiệm mẫu.',
    'Điều 2. Giải thích từ ngữ',
    '1. Mẫu thử là vật dùng để minh họa.',
    'a) Điểm a;',
    'b) Điểm b.',
    '2. Người thử là người được giao minh họa.',
    '',
  ].join('\n'),
);

describe('camnang cite', () => {
  it('prints every citation as JSON and exits 0', () => {
    const { status, stdout } = camnang('Theo Điều 35 Điều lệ Đảng và Điều 999 QĐ 69', '--json');
    expect(status).toBe(0);
    const { citations } = JSON.parse(stdout);
    expect(citations).toHaveLength(2);
    expect(citations[0]).toEqual({
      text: 'Điều 35 Điều lệ Đảng',
      document: { raw: 'Điều lệ Đảng', slug: 'dieu-le-dang' },
      path: [{ kind: 'dieu', number: '35' }],
      anchor: 'dieu-35',
      url: '/van-ban/dieu-le-dang/dieu-35/#dieu-35',
      resolved: true,
    });
    expect(citations[1]).toMatchObject({ resolved: false, anchor: null, url: null });
    expect(citations[1].error).toContain('Điều 999');
  });

  it('reads official text from text.txt under --root', () => {
    const { status, stdout } = camnang(
      'điểm b khoản 1 Điều 2 và Điều 3 Luật Mẫu 2031',
      '--json',
      '--root',
      site,
    );
    expect(status).toBe(0);
    const { citations } = JSON.parse(stdout);
    expect(citations.map((c: { url: string | null; error?: string }) => c.url ?? c.error)).toEqual([
      '/van-ban/luat-mau-2031/dieu-2/#dieu-2-khoan-1-diem-b',
      'Luật Mẫu 2031 có 2 điều, không có Điều 3',
    ]);
  });

  it('resolves relative citations with --in and --article', () => {
    const { status, stdout } = camnang(
      'khoản 1 Điều này',
      '--json',
      '--root',
      site,
      '--in',
      'luat-mau-2031',
      '--article',
      '2',
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout).citations[0].url).toBe(
      '/van-ban/luat-mau-2031/dieu-2/#dieu-2-khoan-1',
    );
  });

  it('prints one readable line per citation without --json', () => {
    const { status, stdout } = camnang(
      'khoản 1, 2 Điều 2 Luật Mẫu 2031; Điều 9 Luật Mẫu 2031',
      '--root',
      site,
    );
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      '✓ khoản 1 Điều 2 Luật Mẫu 2031  /van-ban/luat-mau-2031/dieu-2/#dieu-2-khoan-1',
      '✓ khoản 2 Điều 2 Luật Mẫu 2031  /van-ban/luat-mau-2031/dieu-2/#dieu-2-khoan-2',
      '✗ Điều 9 Luật Mẫu 2031: Luật Mẫu 2031 có 2 điều, không có Điều 9',
    ]);
  });

  it('prints an empty list when there is no citation', () => {
    const { status, stdout } = camnang('Không có trích dẫn nào ở đây', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ citations: [] });
  });

  it('exits 2 with the usage on bad arguments', () => {
    for (const args of [
      [],
      ['Điều 5', '--khong-co'],
      ['Điều 5', '--root', join(site, 'khong-co')],
      ['Điều 5', '--root', site, '--in', 'khong-co'],
      ['khoản 1 Điều này', '--root', site, '--article', '2'],
    ]) {
      const { status, stderr } = camnang(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('Cách dùng: camnang cite');
    }
  });
});
