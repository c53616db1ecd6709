import { describe, expect, it } from 'vitest';
import { GRACE_SECONDS, gradeSubmission, gradeSubmissions } from '../../../src/lib/cert/grading.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';
import type { Submission } from '../../../src/schemas/cert.ts';
import { findExam, rehashed, RIGHT, submit } from './fixtures.ts';

const grade = (submission: Submission | string, file = 'bai-lam.json') =>
  gradeSubmission(
    file,
    typeof submission === 'string' ? submission : JSON.stringify(submission),
    findExam,
    nodeSha256,
  );

async function scoreOf(submission: Submission) {
  const graded = await grade(submission);
  if (graded.outcome.status !== 'graded') throw new Error(graded.outcome.reason);
  return graded.outcome.result;
}

async function refusal(submission: Submission | string) {
  const graded = await grade(submission);
  if (graded.outcome.status !== 'refused') throw new Error('bài làm lẽ ra bị từ chối');
  return graded.outcome;
}

describe('gradeSubmission', () => {
  it('gives full marks for the key itself, question by question', async () => {
    const result = await scoreOf(await submit(RIGHT));
    expect(result).toMatchObject({ score: 7, max: 7, percentage: 100, passed: true });
    expect(result.results.every((question) => question.correct)).toBe(true);
  });

  it('grades every question type with the quiz rules, partial credit included', async () => {
    const result = await scoreOf(
      await submit({
        mot: 'a', // wrong: 0
        nhieu: ['a', 'b'], // one right, one wrong of two right: (1 - 1) / 2 = 0
        'dung-sai': false, // right: 1
        'sap-xep': ['a', 'b', 'd', 'c'], // pairs a→b right, b→d and d→c wrong: 1/3
        ghep: { x: 'a', y: 'c' }, // one of two: 0.5
        'tinh-huong-1': true, // right: 1
        // tinh-huong-2 unanswered: 0
      }),
    );
    const by = Object.fromEntries(
      result.results.map((question) => [question.questionKey, question]),
    );
    expect(by['mot']?.score).toBe(0);
    expect(by['nhieu']?.score).toBe(0);
    expect(by['dung-sai']?.score).toBe(1);
    expect(by['sap-xep']?.score).toBeCloseTo(1 / 3);
    expect(by['ghep']?.score).toBe(0.5);
    expect(by['tinh-huong-1']?.score).toBe(1);
    expect(by['tinh-huong-2']).toMatchObject({ score: 0, answered: false });
    expect(result.score).toBeCloseTo(2 + 1 / 3 + 0.5);
    expect(result.passed).toBe(false);
  });

  it('gives partial credit to a multiple-choice answer missing one right option', async () => {
    const result = await scoreOf(await submit({ ...RIGHT, nhieu: ['c'] }));
    expect(result.results.find((question) => question.questionKey === 'nhieu')?.score).toBe(0.5);
  });

  it('refuses a submission whose answers were changed after submission (hash)', async () => {
    const submission = await submit({ ...RIGHT, mot: 'a' });
    const outcome = await refusal({ ...submission, answers: { ...submission.answers, mot: 'b' } });
    expect(outcome.kind).toBe('hash');
    expect(outcome.reason).toContain('mã băm không khớp');
  });

  it('refuses a submission for another version of the exam', async () => {
    const outcome = await refusal(
      await rehashed(await submit(RIGHT), (copy) => (copy.examVersion = 1)),
    );
    expect(outcome).toMatchObject({ kind: 'version' });
    expect(outcome.reason).toContain('phiên bản 1 của đề, đáp án hiện có là phiên bản 2');
  });

  it(`refuses a submission over the time limit, with ${GRACE_SECONDS} s of grace`, async () => {
    const within = await rehashed(await submit(RIGHT), (copy) => {
      copy.submittedAt = new Date(Date.parse(copy.startedAt) + 10 * 60_000 + 29_000).toISOString();
    });
    expect((await grade(within)).outcome.status).toBe('graded');
    const over = await rehashed(await submit(RIGHT), (copy) => {
      copy.submittedAt = new Date(Date.parse(copy.startedAt) + 10 * 60_000 + 31_000).toISOString();
    });
    const outcome = await refusal(over);
    expect(outcome.kind).toBe('duration');
    expect(outcome.reason).toBe(
      'thời gian làm bài 10:31 vượt giới hạn 10 phút (đã cho thêm 30 giây)',
    );
  });

  it('accepts an attempt the timer submitted at the deadline', async () => {
    const graded = await grade(await submit({ mot: 'b' }, 25));
    expect(graded.submission?.submittedBy).toBe('timer');
    expect(graded.durationMs).toBe(10 * 60_000);
    expect(graded.outcome.status).toBe('graded');
  });

  it('refuses malformed files with the reason', async () => {
    expect((await refusal('{ không phải json')).kind).toBe('malformed');
    const missing = await refusal(JSON.stringify({ ...(await submit(RIGHT)), answers: undefined }));
    expect(missing.reason).toContain('answers');
    const wrongFormat = await refusal(JSON.stringify({ format: 'khac' }));
    expect(wrongFormat.reason).toContain('không đúng định dạng bài làm');
    const backwards = await refusal(
      await rehashed(
        await submit(RIGHT),
        (copy) => (copy.submittedAt = new Date(Date.parse(copy.startedAt) - 1000).toISOString()),
      ),
    );
    expect(backwards.reason).toContain('sớm hơn');
  });

  it('refuses answers or questions the exam does not have, even with a recomputed hash', async () => {
    const cases: [(copy: Submission) => void, string][] = [
      [(copy) => (copy.answers['mot'] = 'z'), 'câu "mot"'],
      [(copy) => (copy.answers['khong-co'] = true), 'câu "khong-co"'],
      [(copy) => (copy.draw.questionIds = copy.draw.questionIds.slice(1)), 'đề rút 6 câu'],
      [(copy) => (copy.draw.choiceOrder['mot'] = ['a', 'b']), 'thứ tự lựa chọn'],
      [(copy) => copy.draw.questionKeys.reverse(), 'không khớp'],
      // A forged draw: a question the exam does not have, one asked twice, or too few of a tag.
      [(copy) => (copy.draw.questionIds[0] = 'khong-co'), 'câu "khong-co" không có trong đề'],
      [
        (copy) => (copy.draw.questionIds[1] = copy.draw.questionIds[0] ?? ''),
        'có hai lần trong bài làm',
      ],
      [(copy) => (copy.draw.choiceOrder['khong-co'] = ['a']), 'câu "khong-co" không có trong bài'],
      [(copy) => (copy.answers['nhieu'] = ['a', 'a']), 'câu "nhieu"'],
    ];
    for (const [change, reason] of cases) {
      const outcome = await refusal(await rehashed(await submit(RIGHT), change));
      expect(outcome.kind).toBe('malformed');
      expect(outcome.reason).toContain(reason);
    }
  });

  it('refuses a submission for an exam without a key', async () => {
    const outcome = await refusal(
      await rehashed(await submit(RIGHT), (copy) => (copy.examId = 'thi-khac')),
    );
    expect(outcome.kind).toBe('unknown-exam');
    expect(outcome.reason).toContain('quizzes/keys/thi-khac.yaml');
  });
});

describe('gradeSubmissions', () => {
  it('grades the same attempt handed in twice only once', async () => {
    const submission = JSON.stringify(await submit(RIGHT));
    const other = JSON.stringify(await submit(RIGHT, 3, 'hat-khac'));
    const graded = await gradeSubmissions(
      [
        { file: 'a.json', text: submission },
        { file: 'b.json', text: other },
        { file: 'c.json', text: submission },
      ],
      findExam,
      nodeSha256,
    );
    expect(graded.map((row) => row.outcome.status)).toEqual(['graded', 'graded', 'refused']);
    expect(graded[2]?.outcome).toMatchObject({ kind: 'duplicate' });
  });
});
