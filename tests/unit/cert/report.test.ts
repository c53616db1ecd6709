import { describe, expect, it } from 'vitest';
import { gradeSubmissions } from '../../../src/lib/cert/grading.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';
import { formatTable, toCsv } from '../../../src/lib/cert/report.ts';
import { submissionCode } from '../../../src/lib/cert/submission.ts';
import { findExam, RIGHT, submit } from './fixtures.ts';

async function rows() {
  const passed = await submit(RIGHT, 6);
  const failed = await submit({ mot: 'b' }, 2, 'hat-khac');
  const graded = await gradeSubmissions(
    [
      { file: 'thu-muc/dat.json', text: JSON.stringify(passed) },
      { file: 'chua-dat.json', text: JSON.stringify(failed) },
      { file: 'hong.json', text: '{"format": "camnang-submission"' },
    ],
    findExam,
    nodeSha256,
  );
  return { graded, passed, failed };
}

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and a Vietnamese heading, one CRLF row per submission', async () => {
    const { graded, passed } = await rows();
    const csv = toCsv(graded);
    expect(
      csv.startsWith('\uFEFFTệp,Mã bài làm,Bài thi,Phiên bản,Điểm,Tối đa,Tỉ lệ (%),Kết quả,'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      `thu-muc/dat.json,${submissionCode(passed.hash)},thi-mau,2,7,7,100,Đạt,06:00,${passed.startedAt},${passed.submittedAt},Đã chấm,,`,
    );
    expect(lines[2]).toContain(',1,7,14.3,Chưa đạt,02:00,');
  });

  it('quotes a reason holding commas or quotes', async () => {
    const { graded } = await rows();
    const last = toCsv(graded).trimEnd().split('\r\n')[3] ?? '';
    expect(last).toMatch(/^hong\.json,,,,,,,,,,,Từ chối,"tệp không phải JSON hợp lệ \(.*\)",$/);
  });
});

describe('formatTable', () => {
  it('lines up code, exam, version, score, %, result, duration and status', async () => {
    const { graded, passed } = await rows();
    const lines = formatTable(graded).split('\n');
    expect(lines[0]).toMatch(
      /^Tệp\s+Mã bài làm\s+Bài thi\s+P\.bản\s+Điểm\s+%\s+Kết quả\s+Thời gian\s+Trạng thái$/,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^dat\\.json\\s+${submissionCode(passed.hash)}\\s+thi-mau\\s+2\\s+7/7\\s+100\\s+Đạt\\s+06:00\\s+Đã chấm$`,
      ),
    );
    expect(lines[3]).toContain('Từ chối: tệp không phải JSON hợp lệ');
    // Every column but the last starts at the same place on every line.
    const start = (line: string) => line.indexOf(line.includes('thi-mau') ? 'thi-mau' : 'Bài thi');
    expect(start(lines[1] ?? '')).toBe(start(lines[0] ?? ''));
  });
});
