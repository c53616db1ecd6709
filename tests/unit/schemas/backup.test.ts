import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, readBackupFile } from '../../../src/lib/learner/backup.ts';
import { MAX_BACKUP_BYTES, backupSchema } from '../../../src/schemas/backup.ts';
import { learnerData, t0 } from '../learner/fixtures.ts';

const good = () =>
  JSON.parse(JSON.stringify(createBackup(learnerData(), t0))) as Record<string, any>;
const text = (value: unknown) => JSON.stringify(value);

describe('reading a backup file', () => {
  it('accepts a file this site wrote', () => {
    const read = parseBackup(text(good()));
    expect(read.ok).toBe(true);
    expect(read.ok && read.data).toEqual(learnerData());
    expect(backupSchema.safeParse(good()).success).toBe(true);
  });

  it('keeps script in a note as text: it is data, never markup', () => {
    const file = good();
    file['data'].notes[0].text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const read = parseBackup(text(file));
    expect(read.ok && read.data.notes[0]?.text).toBe(
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a file with a "%s" key anywhere',
    (key) => {
      const file = good();
      const payload = `{"${key}":{"polluted":true},"x":"a"}`;
      const tampered = text(file).replace(
        '"choiceOrder":{',
        `"choiceOrder":{"a":["b"],"nested":[${payload}],`,
      );
      const atTop = `{"${key}":{"polluted":true},${text(file).slice(1)}`;
      for (const source of [tampered, atTop]) {
        expect(parseBackup(source)).toEqual({ ok: false, error: { code: 'unsafe-key', key } });
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('refuses a truncated or malformed file', () => {
    const whole = text(good());
    expect(parseBackup(whole.slice(0, whole.length / 2))).toEqual({
      ok: false,
      error: { code: 'not-json' },
    });
    expect(parseBackup('')).toEqual({ ok: false, error: { code: 'not-json' } });
    expect(parseBackup('{"format": "camnang-backup",}')).toEqual({
      ok: false,
      error: { code: 'not-json' },
    });
  });

  it('refuses a file cut short inside a table even when it is still valid JSON', () => {
    const file = good();
    file['data'].answers.pop();
    expect(parseBackup(text(file))).toEqual({
      ok: false,
      error: { code: 'incomplete', table: 'answers', declared: 2, actual: 1 },
    });
  });

  it('refuses files that are not ours', () => {
    for (const other of [[], 'camnang', null, 42, { format: 'khac', version: 1 }, { version: 1 }]) {
      expect(parseBackup(text(other))).toEqual({ ok: false, error: { code: 'not-backup' } });
    }
  });

  it('refuses a file from a later version, rather than half-reading it', () => {
    expect(parseBackup(text({ ...good(), version: 2, data: { newTable: [] } }))).toEqual({
      ok: false,
      error: { code: 'future-version', version: 2 },
    });
  });

  it('refuses wrong types and says where', () => {
    const cases: [(file: Record<string, any>) => void, string][] = [
      [(file) => (file['data'].notes[0].text = 42), 'data.notes[0].text'],
      [(file) => (file['data'].attempts[0].startedAt = '2026-01-05'), 'data.attempts[0].startedAt'],
      [(file) => (file['data'].reviewCards[0].state = 7), 'data.reviewCards[0].state'],
      [(file) => (file['data'].highlights[0].end = 1), 'data.highlights[0].end'],
      [(file) => (file['data'].bookmarks[0].extra = 'x'), 'data.bookmarks[0]'],
      [(file) => (file['counts'].notes = -1), 'counts.notes'],
      [(file) => (file['version'] = '1'), 'version'],
      [(file) => (file['createdAt'] = 'hôm qua'), 'createdAt'],
    ];
    for (const [spoil, path] of cases) {
      const file = good();
      spoil(file);
      const read = parseBackup(text(file));
      expect(read.ok).toBe(false);
      expect(!read.ok && read.error).toMatchObject({ code: 'invalid', path });
    }
  });

  it('refuses places that are not pages of this site, since they become links', () => {
    for (const place of [
      'javascript:alert(1)',
      'https://example.org/',
      '//example.org/',
      '/\\example.org',
    ]) {
      const file = good();
      file['data'].bookmarks[0].place = place;
      const read = parseBackup(text(file));
      expect(!read.ok && read.error).toMatchObject({
        code: 'invalid',
        path: 'data.bookmarks[0].place',
      });
    }
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const huge = {
      size: MAX_BACKUP_BYTES + 1,
      text: () => Promise.reject(new Error('must not be read')),
    } as unknown as Blob;
    expect(await readBackupFile(huge)).toEqual({
      ok: false,
      error: { code: 'too-large', size: MAX_BACKUP_BYTES + 1 },
    });
    expect(parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});
