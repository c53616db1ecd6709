import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const camnang = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('bin/camnang.mjs'), ...args], { encoding: 'utf8' });

describe('camnang', () => {
  it('lists its subcommands with --help', () => {
    const result = camnang('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Cách dùng: camnang <lệnh>');
    expect(result.stdout).toMatch(/^\s+lint\s+/m);
  });

  it('prints usage and exits 2 for an unknown subcommand or a bad flag', () => {
    const unknown = camnang('xoa-het');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('không có lệnh "xoa-het"');
    // Names every plain object answers are not commands either.
    for (const inherited of ['constructor', '__proto__']) {
      const result = camnang(inherited);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`không có lệnh "${inherited}"`);
    }
    const badFlag = camnang('lint', '--khong-co');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('Cách dùng: camnang lint');
  });

  it('lint exits 1 with file:line: problem on bad content, 0 on good content', () => {
    const root = mkdtempSync(join(tmpdir(), 'camnang-cli-'));
    mkdirSync(join(root, 'content/glossary'), { recursive: true });
    writeFileSync(
      join(root, 'content/glossary/a.yaml'),
      'term: A\ndefinition: B\nrelated: [khong-co]\n',
    );
    const bad = camnang('lint', '--root', root);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(
      'content/glossary/a.yaml:3: related.0: không có thuật ngữ nào có mã "khong-co"',
    );
    writeFileSync(join(root, 'content/glossary/a.yaml'), 'term: A\ndefinition: B\n');
    const good = camnang('lint', '--root', root);
    expect(good.status).toBe(0);
    expect(good.stderr).toBe('Nội dung hợp lệ: 1 tệp, không có lỗi nào.\n');
  });

  it('lint fails on a folder that is missing or has nothing to check', () => {
    const missing = camnang('lint', '--root', '/khong-co-thu-muc-nay');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('camnang lint: không có thư mục /khong-co-thu-muc-nay\n');
    const empty = mkdtempSync(join(tmpdir(), 'camnang-cli-'));
    mkdirSync(join(empty, 'content/lessons'), { recursive: true });
    const nothing = camnang('lint', '--root', empty);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain(`camnang lint: ${empty} không có nội dung nào`);
    expect(nothing.stderr).not.toContain('hợp lệ');
  });
});
