import { submissionSchema, type Submission } from '../../schemas/cert.ts';
import { answerProblem, type QuizDefinition } from '../quiz/attempt.ts';
import { gradeAttempt, type AttemptResult } from '../quiz/grade.ts';
import type { AnswerKey } from '../quiz/key.ts';
import {
  choiceIds,
  gradableUnits,
  type GradableUnit,
  type PublicBank,
  type PublicQuestion,
} from '../quiz/questions.ts';
import { formatRemaining } from '../quiz/timer.ts';
import type { Sha256 } from './digest.ts';
import { submissionCode, submissionHash } from './submission.ts';

/** What the trainer grades an exam with: its definition and public banks from the project, its key from `quizzes/keys/`. */
export interface ExamMaterial {
  quiz: QuizDefinition;
  banks: readonly PublicBank[];
  key: AnswerKey;
  /** The key file's `version`. */
  keyVersion: number;
}

/** Time allowed beyond the limit, for a slow device or a click in the last second. */
export const GRACE_SECONDS = 30;

export type RefusalKind =
  'malformed' | 'hash' | 'unknown-exam' | 'version' | 'duration' | 'duplicate' | 'code';

export type GradeOutcome =
  | { status: 'graded'; result: AttemptResult; passMark: number }
  | { status: 'refused'; kind: RefusalKind; reason: string };

export interface GradedSubmission {
  /** Where the submission came from, as the trainer named it. */
  file: string;
  /** Null when the file is not a readable submission. */
  submission: Submission | null;
  /** The learner's code, from the hash written in the file. */
  code: string | null;
  durationMs: number | null;
  outcome: GradeOutcome;
  /** Against the code the proctor recorded (codes.ts); null when no codes were given. */
  codeCheck: 'matched' | 'mismatch' | 'unrecorded' | null;
}

const refuse = (kind: RefusalKind, reason: string): GradeOutcome => ({
  status: 'refused',
  kind,
  reason,
});

/** "mm:ss", as the learner saw the timer. */
export const formatDuration = (ms: number): string => formatRemaining(ms);

/** Why the drawn questions or answers cannot belong to this exam; null when they can. */
function drawProblem(submission: Submission, exam: ExamMaterial): string | null {
  const byId = new Map<string, PublicQuestion>(
    exam.banks.flatMap((bank) =>
      bank.questions.map((question) => [question.id, question] as const),
    ),
  );
  const { questionIds, questionKeys, choiceOrder } = submission.draw;
  const expected = exam.quiz.draw.reduce((sum, rule) => sum + rule.count, 0);
  if (questionIds.length !== expected) {
    return `đề rút ${expected} câu nhưng bài làm có ${questionIds.length} câu`;
  }
  const units: GradableUnit[] = [];
  for (const [index, id] of questionIds.entries()) {
    const question = byId.get(id);
    if (!question) return `câu "${id}" không có trong đề ${exam.quiz.id}`;
    if (questionIds.indexOf(id) !== index) return `câu "${id}" có hai lần trong bài làm`;
    units.push(...gradableUnits(question));
  }
  if (units.map((unit) => unit.key).join() !== questionKeys.join()) {
    return 'danh sách câu hỏi nhỏ không khớp với các câu đã rút';
  }
  for (const rule of exam.quiz.draw) {
    const tagged = questionIds.filter((id) => byId.get(id)?.tags.includes(rule.tag)).length;
    if (tagged < rule.count)
      return `đề cần ${rule.count} câu mang thẻ "${rule.tag}", bài làm chỉ có ${tagged}`;
  }
  for (const unit of units) {
    const written = choiceIds(unit.question).sort().join();
    const shown = [...(choiceOrder[unit.key] ?? [])].sort().join();
    if (written !== shown) return `thứ tự lựa chọn của câu "${unit.key}" không khớp với đề`;
  }
  const extra = Object.keys(choiceOrder).find((key) => !questionKeys.includes(key));
  if (extra !== undefined) return `có thứ tự lựa chọn cho câu "${extra}" không có trong bài`;
  for (const [key, value] of Object.entries(submission.answers)) {
    const unit = units.find((candidate) => candidate.key === key);
    if (!unit) return `có câu trả lời cho câu "${key}" không có trong bài`;
    const problem = answerProblem(unit.question, value);
    // An empty selection is stored as given and simply earns nothing.
    if (problem && !(Array.isArray(value) && value.length === 0)) return `câu "${key}": ${problem}`;
  }
  return null;
}

/**
 * Grades one submission file with the trainer's key, or says exactly why it is refused:
 * unreadable, edited since submission (hash), for an unknown exam, for another version of the
 * exam, over time, or with questions the exam does not have.
 */
export async function gradeSubmission(
  file: string,
  text: string,
  findExam: (examId: string) => ExamMaterial | undefined,
  sha256: Sha256,
): Promise<GradedSubmission> {
  const graded: GradedSubmission = {
    file,
    submission: null,
    code: null,
    durationMs: null,
    outcome: refuse('malformed', ''),
    codeCheck: null,
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    graded.outcome = refuse(
      'malformed',
      `tệp không phải JSON hợp lệ (${(error as Error).message})`,
    );
    return graded;
  }
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    graded.outcome = refuse(
      'malformed',
      `tệp không đúng định dạng bài làm (${where}${issue?.message ?? 'không rõ'})`,
    );
    return graded;
  }
  const submission = parsed.data;
  graded.submission = submission;
  graded.code = submissionCode(submission.hash);
  const actual = await submissionHash(submission, sha256);
  if (actual !== submission.hash) {
    graded.outcome = refuse(
      'hash',
      `mã băm không khớp: nội dung tệp đã bị sửa hoặc hỏng sau khi nộp (mã ghi trong tệp ${graded.code}, tính lại được ${submissionCode(actual)})`,
    );
    return graded;
  }
  const started = Date.parse(submission.startedAt);
  const duration = Date.parse(submission.submittedAt) - started;
  if (duration < 0) {
    graded.outcome = refuse('malformed', 'thời điểm nộp bài sớm hơn thời điểm bắt đầu');
    return graded;
  }
  graded.durationMs = duration;
  const exam = findExam(submission.examId);
  if (!exam) {
    graded.outcome = refuse(
      'unknown-exam',
      `không có bài thi "${submission.examId}" hoặc chưa có đáp án của nó (quizzes/keys/${submission.examId}.yaml)`,
    );
    return graded;
  }
  if (submission.examVersion !== exam.keyVersion) {
    graded.outcome = refuse(
      'version',
      `bài làm theo phiên bản ${submission.examVersion} của đề, đáp án hiện có là phiên bản ${exam.keyVersion}: cần đáp án đúng phiên bản để chấm`,
    );
    return graded;
  }
  const limit = exam.quiz.timeLimitMinutes;
  if (limit !== undefined && duration > limit * 60_000 + GRACE_SECONDS * 1000) {
    graded.outcome = refuse(
      'duration',
      `thời gian làm bài ${formatDuration(duration)} vượt giới hạn ${limit} phút (đã cho thêm ${GRACE_SECONDS} giây)`,
    );
    return graded;
  }
  const problem = drawProblem(submission, exam);
  if (problem) {
    graded.outcome = refuse('malformed', `bài làm không khớp với đề: ${problem}`);
    return graded;
  }
  const units = submission.draw.questionIds.flatMap((id) =>
    exam.banks
      .flatMap((bank) => bank.questions.filter((question) => question.id === id))
      .flatMap(gradableUnits),
  );
  graded.outcome = {
    status: 'graded',
    result: gradeAttempt(units, exam.key, submission.answers, exam.quiz.passMark),
    passMark: exam.quiz.passMark,
  };
  return graded;
}

/** Grades several files; the same attempt handed in twice is graded once. */
export async function gradeSubmissions(
  files: readonly { file: string; text: string }[],
  findExam: (examId: string) => ExamMaterial | undefined,
  sha256: Sha256,
): Promise<GradedSubmission[]> {
  const seen = new Map<string, string>();
  const graded: GradedSubmission[] = [];
  for (const { file, text } of files) {
    const result = await gradeSubmission(file, text, findExam, sha256);
    const attempt =
      result.submission && `${result.submission.examId}/${result.submission.attemptId}`;
    const earlier = attempt ? seen.get(attempt) : undefined;
    if (attempt && result.outcome.status === 'graded') {
      if (earlier !== undefined) {
        result.outcome = refuse('duplicate', `cùng lượt làm bài với ${earlier}: chỉ chấm một lần`);
      } else {
        seen.set(attempt, file);
      }
    }
    graded.push(result);
  }
  return graded;
}
