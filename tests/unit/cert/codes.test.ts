import { describe, expect, it } from 'vitest';
import { checkRecordedCodes, parseRecordedCodes } from '../../../src/lib/cert/codes.ts';
import type { GradedSubmission } from '../../../src/lib/cert/grading.ts';

describe('the proctor’s codes file', () => {
  it('reads files, codes and candidates, whatever the header’s case, marks or order', () => {
    const text =
      '\uFEFFthi sinh,TỆP,ma_bai_lam\r\n' +
      '"Trần, Thị ""Mai""",bai-lam-a.json,7kq2m9xd4p\r\n' +
      '\n' +
      'Lê Văn B,bai-lam-b.json, 7KQ2M-9XD4Q \n';
    expect(parseRecordedCodes(text)).toEqual([
      { file: 'bai-lam-a.json', code: '7KQ2M-9XD4P', candidate: 'Trần, Thị "Mai"', line: 2 },
      { file: 'bai-lam-b.json', code: '7KQ2M-9XD4Q', candidate: 'Lê Văn B', line: 4 },
    ]);
    expect(parseRecordedCodes('Tệp,Mã bài làm\na.json,7KQ2M-9XD4P')).toEqual([
      { file: 'a.json', code: '7KQ2M-9XD4P', candidate: '', line: 2 },
    ]);
  });

  it('counts lines inside quoted cells, so a message names the right line', () => {
    expect(() =>
      parseRecordedCodes('Tệp,Mã bài làm,Thí sinh\na.json,7KQ2M-9XD4P,"hai\ndòng"\nb.json,sai,x'),
    ).toThrow('dòng 4: "sai" không phải mã bài làm');
  });

  it.each([
    ['', 'tệp trống'],
    ['Tên,Mã\na,7KQ2M-9XD4P', 'dòng 1: tiêu đề cần có cột "Tệp" và cột "Mã bài làm" (có: Tên, Mã)'],
    ['Tệp,Mã bài làm\na.json', 'dòng 2: có 1 ô, tiêu đề có 2 cột'],
    ['Tệp,Mã bài làm\n ,7KQ2M-9XD4P', 'dòng 2: thiếu tên tệp bài làm'],
    ['Tệp,Mã bài làm\na.json,7KQ2M-9XD4', 'dòng 2: "7KQ2M-9XD4" không phải mã bài làm'],
    ['Tệp,Mã bài làm\na.json,7KQ2M-9XD4U', 'không phải mã bài làm'],
    [
      'Tệp,Mã bài làm\na.json,7KQ2M-9XD4P\na.json,7KQ2M-9XD4Q',
      'dòng 3: tệp "a.json" đã có mã ở dòng 2',
    ],
    ['Tệp,Mã bài làm\n"a.json,7KQ2M-9XD4P', 'dòng 2: thiếu dấu " đóng ô'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseRecordedCodes(text)).toThrow(message);
  });
});

describe('holding submissions to the recorded codes', () => {
  const graded = (file: string, code: string | null): GradedSubmission =>
    ({
      file,
      code,
      outcome: { status: 'graded' },
    }) as unknown as GradedSubmission;

  it('matches by file name, refuses a different code, flags an unrecorded file, and returns unused rows', () => {
    const recorded = parseRecordedCodes(
      'Tệp,Mã bài làm,Thí sinh\n' +
        'a.json,7KQ2M-9XD4P,Mai\n' +
        'b.json,7KQ2M-9XD4P,Lan\n' +
        'c.json,7KQ2M-9XD4P,\n' +
        'vang.json,7KQ2M-9XD4P,Hùng\n',
    );
    const submissions = [
      graded('thu-muc/a.json', '7KQ2M-9XD4P'),
      graded('b.json', '00000-00000'),
      graded('c.json', null),
      graded('d.json', '7KQ2M-9XD4P'),
    ];
    const unused = checkRecordedCodes(submissions, recorded);
    expect(submissions.map((row) => row.codeCheck)).toEqual([
      'matched',
      'mismatch',
      'mismatch',
      'unrecorded',
    ]);
    expect(submissions[0]?.outcome).toEqual({ status: 'graded' });
    expect(submissions[1]?.outcome).toEqual({
      status: 'refused',
      kind: 'code',
      reason:
        'mã bài làm 00000-00000 khác mã người coi thi đã ghi (Lan) lúc nộp bài, 7KQ2M-9XD4P (dòng 3): tệp không phải bài đã nộp',
    });
    expect(submissions[2]?.outcome).toMatchObject({
      reason: expect.stringContaining(
        'mã bài làm (không đọc được) khác mã người coi thi đã ghi lúc nộp bài',
      ),
    });
    expect(submissions[3]?.outcome).toEqual({ status: 'graded' });
    expect(unused.map((row) => row.file)).toEqual(['vang.json']);
  });
});
