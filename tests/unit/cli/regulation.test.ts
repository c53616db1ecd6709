import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { regulationSchema } from '../../../src/schemas/regulation.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'camnang-regulation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// An invented law in the layout of the real ones, with CRLF ends and a space run as scraped.
const FIXTURE = [
  'QUỐC HỘI --------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------',
  'Luật số:   99/2031/QH99',
  'Hà Nội, ngày 12 tháng 6 năm 2031',
  'LUẬT',
  'THỬ NGHIỆM MẪU',
  'Căn cứ Hiến pháp giả định;',
  'Quốc hội ban hành Luật Thử nghiệm mẫu.',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi áp dụng',
  'Luật này quy định về việc thử nghiệm mẫu giả định.',
  'Điều 2. Giải thích từ ngữ',
  '1. Mẫu thử là vật dùng để minh họa.',
  'a) Điểm a;',
  'b) Điểm b.',
  '2. Người thử là người được giao minh họa.',
  'Điều 4. Hiệu lực thi hành',
  'Luật này có hiệu lực từ ngày ký.',
].join('\r\n');

const lawFile = join(work, 'luat-mau.txt');
writeFileSync(lawFile, FIXTURE);
const plainFile = join(work, 'khong-co-dieu.txt');
writeFileSync(plainFile, 'Một đoạn văn bình thường.\nKhông có điều nào cả.\n');

function camnang(...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/camnang.mjs'), ...args], {
    cwd: work,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('camnang regulation parse', () => {
  it('prints the document tree as JSON', () => {
    const { status, stdout } = camnang('regulation', 'parse', lawFile, '--json');
    expect(status).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.meta).toEqual({
      type: 'Luật',
      number: '99/2031/QH99',
      title: 'THỬ NGHIỆM MẪU',
      issuer: 'QUỐC HỘI',
      issuedAt: '2031-06-12',
      place: 'Hà Nội',
    });
    const [chapter] = document.body;
    expect(chapter).toMatchObject({
      kind: 'chuong',
      number: 'I',
      title: 'NHỮNG QUY ĐỊNH CHUNG',
      anchor: 'chuong-1',
      line: 9,
    });
    expect(Object.keys(chapter.children[1])).toEqual([
      'kind',
      'number',
      'title',
      'anchor',
      'line',
      'children',
    ]);
    expect(chapter.children[1].children[0]).toEqual({
      kind: 'khoan',
      number: '1',
      text: 'Mẫu thử là vật dùng để minh họa.',
      anchor: 'dieu-2-khoan-1',
      line: 14,
      children: [
        {
          kind: 'diem',
          number: 'a',
          text: 'Điểm a;',
          anchor: 'dieu-2-khoan-1-diem-a',
          line: 15,
          children: [],
        },
        {
          kind: 'diem',
          number: 'b',
          text: 'Điểm b.',
          anchor: 'dieu-2-khoan-1-diem-b',
          line: 16,
          children: [],
        },
      ],
    });
    expect(document.warnings).toEqual([
      { line: 18, message: 'Điều 4 đứng sau Điều 2: thiếu Điều 3?' },
    ]);
  });

  it('prints a readable outline with anchors and the warnings', () => {
    const { status, stdout } = camnang('regulation', 'parse', lawFile);
    expect(status).toBe(0);
    expect(stdout).toContain('Chương I. NHỮNG QUY ĐỊNH CHUNG  #chuong-1');
    expect(stdout).toContain('  Điều 2. Giải thích từ ngữ  #dieu-2');
    expect(stdout).toMatch(/^ {6}Điểm a: Điểm a; {2}#dieu-2-khoan-1-diem-a$/mu);
    expect(stdout).toContain('dòng 18: Điều 4 đứng sau Điều 2: thiếu Điều 3?');
  });

  it('exits 1 with one line on a file with no article or no file at all', () => {
    const plain = camnang('regulation', 'parse', plainFile, '--json');
    expect(plain.status).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('không tìm thấy Điều nào');

    const missing = camnang('regulation', 'parse', join(work, 'khong-ton-tai.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('tệp không tồn tại');
  });

  it('exits 2 with the usage on bad arguments', () => {
    for (const args of [
      ['parse', lawFile, '--bogus'],
      ['parse'],
      ['parse', lawFile, lawFile],
      ['explain', lawFile],
      [],
    ]) {
      const { status, stderr } = camnang('regulation', ...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('Cách dùng:');
    }
  });

  it('prints the usage on --help', () => {
    const { status, stdout } = camnang('regulation', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('camnang regulation import');
  });
});

describe('camnang regulation import', () => {
  it('writes the normalised text and an index.mdx for the trainer to complete', () => {
    const root = join(work, 'site');
    const { status, stdout } = camnang(
      'regulation',
      'import',
      lawFile,
      '--slug',
      'luat-mau-2031',
      '--root',
      root,
    );
    expect(status).toBe(0);
    const folder = join(root, 'content/regulations/luat-mau-2031');
    const text = readFileSync(join(folder, 'text.txt'), 'utf8');
    expect(text).not.toContain('\r');
    expect(text).toContain('\nLuật số: 99/2031/QH99\n');
    expect(text.split('\n')).toHaveLength(FIXTURE.split('\r\n').length + 1);

    const index = readFileSync(join(folder, 'index.mdx'), 'utf8');
    const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(index)?.[1] ?? '');
    // Status, sources and verifiedAt are left for the trainer: never guessed.
    expect(frontmatter).toEqual({
      type: 'Luật',
      number: '99/2031/QH99',
      title: 'Thử nghiệm mẫu',
      issuer: 'Quốc hội',
      issuedAt: '2031-06-12',
      status: null,
      sources: [],
      verifiedAt: null,
    });
    expect(index).toMatch(/^# Cần điền: hiệu lực hiện nay.*\nstatus:\n/mu);
    expect(regulationSchema.safeParse(frontmatter).success).toBe(false);
    const completed = {
      ...frontmatter,
      status: 'het-hieu-luc',
      sources: [{ title: 'Nguồn giả định', url: 'https://example.org/luat-mau' }],
      verifiedAt: '2031-07-01',
    };
    expect(regulationSchema.safeParse(completed).success).toBe(true);

    expect(stdout).toContain('text.txt');
    expect(stdout).toContain('index.mdx');
    expect(stdout).toContain('status: hiệu lực hiện nay');
    expect(stdout).toContain('text.txt:18: Điều 4 đứng sau Điều 2: thiếu Điều 3?');
  });

  it('takes --type and --status when given', () => {
    const root = join(work, 'typed');
    const { status } = camnang(
      'regulation',
      'import',
      lawFile,
      '--slug',
      'luat-mau',
      '--root',
      root,
      '--type',
      'Bộ luật',
      '--status',
      'con-hieu-luc',
    );
    expect(status).toBe(0);
    const index = readFileSync(join(root, 'content/regulations/luat-mau/index.mdx'), 'utf8');
    expect(index).toContain('\ntype: Bộ luật\n');
    expect(index).toContain('\nstatus: con-hieu-luc\n');
  });

  it('refuses to overwrite an existing folder unless --force', () => {
    const root = join(work, 'existing');
    const folder = join(root, 'content/regulations/luat-mau');
    mkdirSync(join(folder, 'annotations'), { recursive: true });
    writeFileSync(join(folder, 'index.mdx'), 'của người soạn');
    writeFileSync(join(folder, 'annotations/dieu-1.mdx'), 'chú giải');

    const refused = camnang('regulation', 'import', lawFile, '--slug', 'luat-mau', '--root', root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(folder, 'index.mdx'), 'utf8')).toBe('của người soạn');

    const forced = camnang(
      'regulation',
      'import',
      lawFile,
      '--slug',
      'luat-mau',
      '--root',
      root,
      '--force',
    );
    expect(forced.status).toBe(0);
    expect(readFileSync(join(folder, 'index.mdx'), 'utf8')).toContain('number: 99/2031/QH99');
    expect(readFileSync(join(folder, 'annotations/dieu-1.mdx'), 'utf8')).toBe('chú giải');
  });

  it('exits 2 on a bad slug, type or status, listing what is allowed', () => {
    const root = join(work, 'bad');
    const badSlug = camnang('regulation', 'import', lawFile, '--slug', 'Luật-Mẫu', '--root', root);
    expect(badSlug.status).toBe(2);
    const missingSlug = camnang('regulation', 'import', lawFile, '--root', root);
    expect(missingSlug.status).toBe(2);
    const badType = camnang(
      'regulation',
      'import',
      lawFile,
      '--slug',
      'mau',
      '--type',
      'Luat',
      '--root',
      root,
    );
    expect(badType.status).toBe(2);
    expect(badType.stderr).toContain('Luật, Bộ luật, Nghị định');
    const badStatus = camnang(
      'regulation',
      'import',
      lawFile,
      '--slug',
      'mau',
      '--status',
      'con hieu luc',
      '--root',
      root,
    );
    expect(badStatus.status).toBe(2);
    expect(badStatus.stderr).toContain(
      'con-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc, chua-co-hieu-luc',
    );
    expect(existsSync(root)).toBe(false);
  });

  it('exits 1 and writes nothing for a file with no article', () => {
    const root = join(work, 'plain');
    const { status } = camnang(
      'regulation',
      'import',
      plainFile,
      '--slug',
      'van-ban',
      '--root',
      root,
    );
    expect(status).toBe(1);
    expect(existsSync(root)).toBe(false);
  });
});
