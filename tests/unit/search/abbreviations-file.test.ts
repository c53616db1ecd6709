import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintContent } from '../../../src/lib/content/lint.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import {
  ABBREVIATIONS_FILE,
  parseAbbreviations,
  readAbbreviations,
} from '../../../src/lib/search/abbreviations-file.ts';

function lint(text: string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'camnang-abbr-'));
  mkdirSync(join(root, 'content/search'), { recursive: true });
  writeFileSync(join(root, ABBREVIATIONS_FILE), text);
  return lintContent(root).problems.map(formatProblem);
}

describe('content/search/abbreviations.yaml', () => {
  it('is valid and holds the abbreviations officers use', () => {
    const text = readFileSync(resolve(ABBREVIATIONS_FILE), 'utf8');
    expect(lint(text)).toEqual([]);
    const pairs = readAbbreviations(resolve('.')).map(({ short, long }) => `${short} = ${long}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'UBKT = Ủy ban Kiểm tra',
        'QĐ = Quy định',
        'KL = Kết luận',
        'NĐ = Nghị định',
        'BCT = Bộ Chính trị',
        'TW = Trung ương',
        'PCTN = phòng, chống tham nhũng',
      ]),
    );
  });

  it('points a trainer at the line of a mistake', () => {
    expect(
      lint(
        [
          '- short: UBKT',
          '  long: Ủy ban Kiểm tra',
          '- short: ubkt',
          '  long: ủy ban kiểm tra',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'content/search/abbreviations.yaml:3: 1.short: trùng với mục thứ 1 (ubkt = ủy ban kiểm tra)',
    ]);
    expect(lint(['- short: KL', '- short: QĐ', '  long: qđ', ''].join('\n'))).toEqual([
      'content/search/abbreviations.yaml:1: 0.long: thiếu trường bắt buộc (kiểu string)',
      'content/search/abbreviations.yaml:3: 1.long: dạng viết tắt và dạng đầy đủ giống nhau',
    ]);
  });

  it('gives no abbreviations for an invalid file (lint stops the build)', () => {
    expect(parseAbbreviations('- short: KL\n')).toEqual([]);
    expect(parseAbbreviations('- short: KL\n  long: Kết luận\n')).toEqual([
      { short: 'KL', long: 'Kết luận' },
    ]);
  });
});
