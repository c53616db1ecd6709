import type {
  AnswerKeyFile,
  AnswerValue,
  Question,
  Quiz,
  SimpleQuestion,
  SubQuestion,
} from '../../schemas/quiz.ts';
import { DrawError, drawQuestions } from '../quiz/draw.ts';
import type { ContentEntries, ContentEntry } from './load.ts';
import type { Problem } from './problem.ts';
import type { SourceFile } from './source-file.ts';

type Path = (string | number)[];

/** A gradable question of a bank, where it is written, and the cites it counts as having. */
interface Located {
  bank: ContentEntry;
  path: Path;
  id: string;
  answer: unknown;
  explanation: string | undefined;
  cites: string[];
}

function located(bank: ContentEntry, question: Question, index: number): Located[] {
  const path = ['questions', index];
  if (question.type !== 'scenario') {
    const { id, answer, explanation, cites } = question;
    return [{ bank, path, id, answer, explanation, cites }];
  }
  return question.questions.map((sub, subIndex) => ({
    bank,
    path: [...path, 'questions', subIndex],
    id: sub.id,
    answer: sub.answer,
    explanation: sub.explanation,
    cites: sub.cites.length ? sub.cites : question.cites,
  }));
}

/**
 * Quizzes against their banks: each draw can be made; practice questions carry their answer,
 * explanation and cited clause; exam banks carry no answers (the site would publish them);
 * question ids are unique across banks, since the learner's history is stored by them.
 */
export function checkQuizzes(entries: ContentEntries): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (entry, path, message) => {
    problems.push({
      file: entry.file,
      line: entry.source.lineOf(path),
      severity: 'error',
      message,
    });
  };
  const questionsOf = (bank: ContentEntry) => bank.data['questions'] as Question[];
  const banks = new Map(entries.questionBanks.map((bank) => [bank.id, bank]));

  const firstSeen = new Map<string, string>();
  for (const bank of entries.questionBanks) {
    questionsOf(bank).forEach((question, index) => {
      const ids: [string, Path][] = [[question.id, ['questions', index, 'id']]];
      if (question.type === 'scenario') {
        question.questions.forEach((sub, subIndex) =>
          ids.push([sub.id, ['questions', index, 'questions', subIndex, 'id']]),
        );
      }
      for (const [id, path] of ids) {
        const earlier = firstSeen.get(id);
        if (earlier === undefined) firstSeen.set(id, `${bank.file}:${bank.source.lineOf(path)}`);
        else
          report(
            bank,
            path,
            `mã câu hỏi "${id}" đã dùng ở ${earlier}; mỗi câu cần một mã riêng trên mọi ngân hàng`,
          );
      }
    });
  }

  // Gathered per question first, so a bank shared by several quizzes gets one message naming them all.
  const uses = new Map<string, { unit: Located; practice: string[]; exam: string[] }>();
  for (const entry of entries.quizzes) {
    const quiz = entry.data as Quiz;
    const available = quiz.banks.flatMap((id) => {
      const bank = banks.get(id);
      return bank ? [bank] : [];
    });
    // A missing or invalid bank is reported on its own; counting without it would only mislead.
    if (available.length === quiz.banks.length) {
      try {
        drawQuestions(
          quiz,
          available.map((bank) => ({ id: bank.id, questions: questionsOf(bank) })),
          {},
          'camnang-lint',
        );
      } catch (error) {
        if (!(error instanceof DrawError)) throw error;
        // Duplicate ids have no rule to point at and are reported by the check above.
        if (error.ruleIndex !== null) {
          report(entry, ['draw', error.ruleIndex, 'count'], `draw: ${error.message}`);
        }
      }
    }
    const tags = new Set(quiz.draw.map((rule) => rule.tag));
    for (const bank of available) {
      questionsOf(bank).forEach((question, index) => {
        // An exam must keep every answer out of its banks; practice needs them only on questions it can draw.
        if (quiz.mode === 'practice' && !question.tags.some((tag) => tags.has(tag))) return;
        for (const unit of located(bank, question, index)) {
          const where = `${bank.file}#${unit.path.join('.')}`;
          const use = uses.get(where) ?? { unit, practice: [], exam: [] };
          use[quiz.mode].push(entry.id);
          uses.set(where, use);
        }
      });
    }
  }

  for (const { unit, practice, exam } of uses.values()) {
    if (practice.length) checkPractice(unit, practice, report);
    if (exam.length) checkExam(unit, exam, report);
  }
  return problems;
}

type Report = (entry: ContentEntry, path: Path, message: string) => void;

/** Practice shows the answer and explanation at once, so both must be there, with the clause they rest on. */
function checkPractice(unit: Located, quizzes: string[], report: Report) {
  const where = `câu "${unit.id}" dùng trong bài luyện tập ${quizzes.join(', ')}`;
  if (unit.answer === undefined) {
    report(unit.bank, [...unit.path, 'answer'], `${where} nhưng thiếu đáp án: thêm trường answer`);
  }
  if (unit.explanation === undefined) {
    report(
      unit.bank,
      [...unit.path, 'explanation'],
      `${where} nhưng thiếu lời giải: thêm trường explanation nêu điều, khoản được kiểm tra`,
    );
  }
  if (!unit.cites.length) {
    report(
      unit.bank,
      [...unit.path, 'cites'],
      `${where} nhưng không trích dẫn điều khoản nào: thêm cites, ví dụ cites: ["Điều 7 Quy định 69-QĐ/TW"]`,
    );
  }
}

/** Whatever a bank holds is published with the site, so an exam's answers live in its key file. */
function checkExam(unit: Located, quizzes: string[], report: Report) {
  for (const field of ['answer', 'explanation'] as const) {
    if (unit[field] === undefined) continue;
    report(
      unit.bank,
      [...unit.path, field],
      `câu "${unit.id}" thuộc ngân hàng của bài thi ${quizzes.join(', ')} nên không được ghi ${field} ở đây (trang web sẽ công khai nó); chuyển sang ${quizzes.map((id) => `quizzes/keys/${id}.yaml`).join(', ')}`,
    );
  }
}

/** An exam's key file (`quizzes/keys/<quiz-id>.yaml`) as `camnang lint` and `camnang exam` read it; the site build never does. */
export interface AnswerKeySource {
  quizId: string;
  file: string;
  /** Null when the file could not be read or does not fit the schema (reported when it was loaded). */
  data: AnswerKeyFile | null;
  source: SourceFile | null;
}

type KeyedQuestion = SimpleQuestion | SubQuestion;

const listOf = (ids: Set<string>) => [...ids].join(', ');

/** Why a key's answer does not fit its question, in words for the trainer; null when it fits. */
function keyAnswerProblem(question: KeyedQuestion, answer: AnswerValue): string | null {
  const ids = (items: { id: string }[]) => new Set(items.map((item) => item.id));
  const isList = Array.isArray(answer);
  switch (question.type) {
    case 'true-false':
      return typeof answer === 'boolean' ? null : 'câu đúng/sai: đáp án phải là true hoặc false';
    case 'single': {
      const options = ids(question.options);
      return typeof answer === 'string' && options.has(answer)
        ? null
        : `câu một lựa chọn: đáp án phải là một mã trong options (${listOf(options)})`;
    }
    case 'multiple': {
      const options = ids(question.options);
      return isList &&
        answer.length > 0 &&
        answer.every((id) => options.has(id)) &&
        new Set(answer).size === answer.length
        ? null
        : `câu nhiều lựa chọn: đáp án phải là danh sách các mã khác nhau trong options (${listOf(options)})`;
    }
    case 'ordering': {
      const items = ids(question.items);
      return isList &&
        answer.length === items.size &&
        answer.every((id) => items.has(id)) &&
        new Set(answer).size === items.size
        ? null
        : `câu sắp xếp: đáp án phải liệt kê mỗi mục của items đúng một lần (${listOf(items)})`;
    }
    case 'matching': {
      const left = ids(question.left);
      const right = ids(question.right);
      const pairs = typeof answer === 'object' && !isList ? Object.entries(answer) : null;
      return pairs &&
        pairs.length === left.size &&
        pairs.every(([from, to]) => left.has(from) && right.has(to))
        ? null
        : `câu ghép cặp: đáp án phải ghép mỗi mục bên trái (${listOf(left)}) với một mục bên phải (${listOf(right)})`;
    }
  }
}

/**
 * Each exam against its key file: the file exists, its version is the exam's, it answers every
 * question the exam can draw with an answer that fits the question, and nothing else. Only the
 * trainer's commands call this, since the build must never read `quizzes/keys/`.
 */
export function checkExamKeys(
  entries: Pick<ContentEntries, 'quizzes' | 'questionBanks'>,
  keys: readonly AnswerKeySource[],
  keysDir: string,
): Problem[] {
  const problems: Problem[] = [];
  const at = (
    file: string,
    source: SourceFile | null,
    path: Path,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ file, line: source?.lineOf(path) ?? 1, severity, message });
  const banks = new Map(entries.questionBanks.map((bank) => [bank.id, bank]));
  const exams = entries.quizzes.filter((entry) => (entry.data as Quiz).mode === 'exam');

  for (const entry of exams) {
    const quiz = entry.data as Quiz;
    const key = keys.find((candidate) => candidate.quizId === entry.id);
    if (!key) {
      at(
        entry.file,
        entry.source,
        ['mode'],
        `bài thi "${entry.id}" chưa có đáp án: tạo ${keysDir}/${entry.id}.yaml với version: ${quiz.version} và answers cho mọi câu`,
      );
      continue;
    }
    if (!key.data) continue;
    const { data, source, file } = key;
    if (data.version !== quiz.version) {
      at(
        file,
        source,
        ['version'],
        `đáp án là phiên bản ${data.version} nhưng bài thi ${entry.file} là phiên bản ${quiz.version}: khi sửa câu hỏi hoặc đáp án, nâng version ở cả hai tệp cùng lúc`,
      );
    }
    const tags = new Set(quiz.draw.map((rule) => rule.tag));
    const known = new Set<string>();
    const available = quiz.banks.flatMap((id) => banks.get(id) ?? []);
    for (const bank of available) {
      (bank.data['questions'] as Question[]).forEach((question, index) => {
        const units: [KeyedQuestion, Path][] =
          question.type === 'scenario'
            ? question.questions.map((sub, subIndex) => [
                sub,
                ['questions', index, 'questions', subIndex],
              ])
            : [[question, ['questions', index]]];
        const drawable = question.tags.some((tag) => tags.has(tag));
        for (const [unit, path] of units) {
          known.add(unit.id);
          if (!drawable) continue;
          const answer = data.answers[unit.id];
          if (!answer) {
            at(
              file,
              source,
              ['answers'],
              `thiếu đáp án câu "${unit.id}" (${bank.file}:${bank.source.lineOf(path)})`,
            );
            continue;
          }
          const problem = keyAnswerProblem(unit, answer.answer);
          if (problem)
            at(file, source, ['answers', unit.id, 'answer'], `câu "${unit.id}": ${problem}`);
        }
      });
    }
    // With a bank missing or invalid (reported on its own), every answer would look unknown.
    if (available.length < quiz.banks.length) continue;
    for (const id of Object.keys(data.answers)) {
      if (!known.has(id)) {
        at(
          file,
          source,
          ['answers', id],
          `câu "${id}" không có trong các ngân hàng của bài thi (${quiz.banks.join(', ')})`,
        );
      }
    }
  }
  for (const key of keys) {
    if (!exams.some((entry) => entry.id === key.quizId)) {
      at(
        key.file,
        key.source,
        [],
        `không có bài thi quizzes/${key.quizId}.yaml (mode: exam) ứng với tệp đáp án này`,
        'warning',
      );
    }
  }
  return problems;
}
