import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionCode } from '../../../src/lib/cert/submission.ts';
import { examBank, examKey, examQuiz, RIGHT, submit } from '../cert/fixtures.ts';

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
