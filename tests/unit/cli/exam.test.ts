import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionCode } from '../../../src/lib/cert/submission.ts';
import { examBank, examKey, examQuiz, rehashed, RIGHT, submit } from '../cert/fixtures.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'camnang-exam-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function camnang(...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/camnang.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

// The exam of the unit tests as a project: JSON is YAML too.
const { id: _id, ...quizFile } = examQuiz;
beforeAll(async () => {
  write('quizzes/thi-mau.yaml', JSON.stringify(quizFile));
  write(
    'quizzes/banks/de-thi.yaml',
    JSON.stringify({ title: 'Đề thi', questions: examBank.questions }),
  );
  write('quizzes/keys/thi-mau.yaml', JSON.stringify(examKey));
  write('bai-lam/dat.json', JSON.stringify(await submit(RIGHT, 6)));
  write('bai-lam/chua-dat.json', JSON.stringify(await submit({ mot: 'b' }, 3, 'hat-khac')));
  const edited = await submit(RIGHT, 4, 'hat-sua');
  write('sua/da-sua.json', JSON.stringify({ ...edited, answers: { ...edited.answers, mot: 'a' } }));
});

describe('camnang exam grade', () => {
  it('prints a table, writes a CSV with a BOM, and exits 0 when every submission is graded', async () => {
    const passed = JSON.parse(readFileSync(join(root, 'bai-lam/dat.json'), 'utf8')) as {
      hash: string;
    };
    const { status, stdout, stderr } = camnang('exam', 'grade', 'bai-lam', '--out', 'ket-qua.csv');
    expect(stderr).toContain('2 bài làm: 1 đạt, 1 chưa đạt, 0 bị từ chối.');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `dat\\.json\\s+${submissionCode(passed.hash)}\\s+thi-mau\\s+2\\s+7/7\\s+100\\s+Đạt\\s+06:00\\s+Đã chấm`,
      ),
    );
    expect(stdout).toMatch(/chua-dat\.json\s+\S+\s+thi-mau\s+2\s+1\/7\s+14\.3\s+Chưa đạt/);
    const csv = readFileSync(join(root, 'ket-qua.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFTệp,Mã bài làm,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses an edited submission with the reason, and exits 1', () => {
    const { status, stdout } = camnang('exam', 'grade', 'sua/da-sua.json');
    expect(status).toBe(1);
    expect(stdout).toContain('Từ chối: mã băm không khớp');
  });

  it('reads keys from --keys, and will not grade with a key of the wrong version', () => {
    write('khoa-khac/thi-mau.yaml', JSON.stringify({ ...examKey, version: 3 }));
    const { status, stderr } = camnang('exam', 'grade', 'bai-lam', '--keys', 'khoa-khac');
    expect(status).toBe(1);
    expect(stderr).toContain(
      'khoa-khac/thi-mau.yaml:1: đáp án là phiên bản 3 nhưng bài thi quizzes/thi-mau.yaml là phiên bản 2',
    );
  });

  it('says which file is missing, with the usage', () => {
    const { status, stderr } = camnang('exam', 'grade', 'khong-co.json');
    expect(status).toBe(2);
    expect(stderr).toContain('không có tệp hoặc thư mục "khong-co.json"');
  });
});

describe('camnang exam grade --codes', () => {
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    const genuine = await submit(RIGHT, 6, 'hat-an');
    // Binh answered "mot" wrong; the forger makes it right and recomputes the hash.
    const binh = await submit({ ...RIGHT, mot: 'a' }, 6, 'hat-binh');
    const forgedAnswer = await rehashed(binh, (copy) => {
      copy.answers['mot'] = 'b';
    });
    // Chi's start is moved 2 minutes later, so the attempt looks quicker than it was.
    const chi = await submit(RIGHT, 6, 'hat-chi');
    const forgedStart = await rehashed(chi, (copy) => {
      copy.startedAt = new Date(Date.parse(copy.startedAt) + 2 * 60_000).toISOString();
    });
    const unrecorded = await submit(RIGHT, 5, 'hat-dung');
    write('nop/an.json', JSON.stringify(genuine));
    write('nop/binh.json', JSON.stringify(forgedAnswer));
    write('nop/chi.json', JSON.stringify(forgedStart));
    write('nop/dung.json', JSON.stringify(unrecorded));
    // What the proctor wrote down as each learner read out the code at "Nộp bài".
    codes['an'] = submissionCode(genuine.hash);
    codes['binh'] = submissionCode(binh.hash);
    codes['chi'] = submissionCode(chi.hash);
    write(
      'ma-da-ghi.csv',
      [
        'Tệp,Mã bài làm,Thí sinh',
        `an.json,${codes['an']?.toLowerCase().replace('-', '')},Nguyễn Văn An`,
        `binh.json,${codes['binh']},"Trần Thị Bình"`,
        `chi.json,${codes['chi']},Lê Chí`,
      ].join('\r\n'),
    );
  });

  it('grades forged files as genuine without the recorded codes: anyone can recompute a hash', () => {
    const { stdout } = camnang('exam', 'grade', 'nop/binh.json', 'nop/chi.json');
    expect(stdout).toMatch(/binh\.json.*7\/7\s+100\s+Đạt.*Đã chấm/);
    expect(stdout).toMatch(/chi\.json.*Đạt\s+04:00\s+Đã chấm/);
  });

  it('accepts the genuine file, refuses a changed answer and a moved start, flags a file with no code', () => {
    const { status, stdout, stderr } = camnang(
      'exam',
      'grade',
      'nop',
      '--codes',
      'ma-da-ghi.csv',
      '--out',
      'ket-qua-ma.csv',
    );
    expect(status).toBe(1);
    const line = (file: string) => stdout.split('\n').find((row) => row.startsWith(file)) ?? '';
    expect(line('an.json')).toMatch(/7\/7\s+100\s+Đạt\s+06:00\s+Đã chấm$/);
    expect(line('binh.json')).toContain(
      `Từ chối: mã bài làm ${submissionCode(JSON.parse(readFileSync(join(root, 'nop/binh.json'), 'utf8')).hash)} khác mã người coi thi đã ghi (Trần Thị Bình) lúc nộp bài, ${codes['binh']} (dòng 3)`,
    );
    expect(line('chi.json')).toContain('Từ chối: mã bài làm');
    expect(line('chi.json')).toContain(`(Lê Chí) lúc nộp bài, ${codes['chi']} (dòng 4)`);
    expect(line('dung.json')).toContain('Đã chấm; cần xem lại: người coi thi không ghi mã bài này');
    expect(stderr).toContain(
      '4 bài làm: 2 đạt, 0 chưa đạt, 2 bị từ chối, 1 cần xem lại vì không có mã đã ghi.',
    );
    const csv = readFileSync(join(root, 'ket-qua-ma.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/,Đối chiếu mã$/);
    expect(csv.find((row) => row.startsWith('nop/an.json'))).toMatch(/,Khớp$/);
    expect(csv.find((row) => row.startsWith('nop/binh.json'))).toMatch(/,Không khớp$/);
    expect(csv.find((row) => row.startsWith('nop/dung.json'))).toMatch(/,Chưa ghi mã$/);
  });

  it('exits 0 when every file matches its recorded code, and names a code with no file', () => {
    write('mot-bai/an.json', readFileSync(join(root, 'nop/an.json'), 'utf8'));
    const ok = camnang('exam', 'grade', 'mot-bai', '--codes', 'ma-da-ghi.csv');
    expect(ok.stderr).toContain('ma-da-ghi.csv:3: có mã');
    expect(ok.stderr).toContain(
      'cho tệp "binh.json" (Trần Thị Bình) nhưng không có bài làm nào tên như vậy',
    );
    expect(ok.status).toBe(1);
    write('chi-an.csv', `tep,ma_bai_lam\n an.json ,${codes['an']}\n`);
    expect(camnang('exam', 'grade', 'mot-bai', '--codes', 'chi-an.csv').status).toBe(0);
  });

  it('says what is wrong with a malformed codes file, on which line, without a crash', () => {
    const cases: [string, string][] = [
      ['', 'tệp trống: cần dòng tiêu đề "Tệp,Mã bài làm"'],
      ['Tệp,Mã\nan.json,X', 'dòng 1: tiêu đề cần có cột "Tệp" và cột "Mã bài làm" (có: Tệp, Mã)'],
      ['Tệp,Mã bài làm\nan.json', 'dòng 2: có 1 ô, tiêu đề có 2 cột'],
      ['Tệp,Mã bài làm\nan.json,12345', 'dòng 2: "12345" không phải mã bài làm'],
      ['Tệp,Mã bài làm\n,ABCDE-12345', 'dòng 2: thiếu tên tệp bài làm'],
      ['Tệp,Mã bài làm\n"an.json,ABCDE-12345', 'dòng 2: thiếu dấu " đóng ô'],
      [
        `Tệp,Mã bài làm\nan.json,ABCDE-12345\nan.json,ABCDE-12346`,
        'dòng 3: tệp "an.json" đã có mã ở dòng 2',
      ],
    ];
    for (const [text, message] of cases) {
      write('hong.csv', text);
      const { status, stderr } = camnang('exam', 'grade', 'nop', '--codes', 'hong.csv');
      expect(stderr).toContain(`camnang exam: hong.csv: ${message}`);
      expect(stderr).not.toMatch(/\bat \S+ \(/);
      expect(status).toBe(2);
    }
    const missing = camnang('exam', 'grade', 'nop', '--codes', 'khong-co.csv');
    expect(missing.stderr).toContain('không có tệp mã bài làm "khong-co.csv"');
    expect(missing.status).toBe(2);
  });
});

describe('camnang exam check', () => {
  it('accepts good keys and names the exams', () => {
    const { status, stderr } = camnang('exam', 'check');
    expect(status).toBe(0);
    expect(stderr).toContain('Đáp án hợp lệ cho 1 bài thi: thi-mau.');
  });
});

describe('camnang exam leaks', () => {
  it('passes a clean build and fails one that carries an explanation', () => {
    write('dist/index.html', '<p>Trang chủ</p>');
    expect(camnang('exam', 'leaks').status).toBe(0);
    write('dist/trac-nghiem/index.html', `<p>${examKey.answers['mot']?.explanation}</p>`);
    const { status, stdout } = camnang('exam', 'leaks');
    expect(status).toBe(1);
    expect(stdout).toContain('trac-nghiem/index.html: lộ lời giải câu "mot" của bài thi thi-mau');
  });
});
