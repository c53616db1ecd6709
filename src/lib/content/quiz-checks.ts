import type { Question, Quiz } from '../../schemas/quiz.ts';
import { DrawError, drawQuestions } from '../quiz/draw.ts';
import type { ContentEntries, ContentEntry } from './load.ts';
import type { Problem } from './problem.ts';

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
