import type { Question } from '../../schemas/quiz.ts';
import { splitQuestions } from '../quiz/key.ts';
import { gradableUnits, type AnswerValue, type GradableUnit } from '../quiz/questions.ts';

/** What /on-tap/ needs to ask a missed question again and grade it. */
export interface ReviewQuestion {
  unit: GradableUnit;
  answer: AnswerValue;
  explanation?: string;
  /** A practice quiz the question comes from. */
  quizId: string;
  quizTitle: string;
  /** Citation text → link, for the explanation and cites. */
  citeLinks: Record<string, string>;
}

export interface ReviewQuiz {
  id: string;
  title: string;
  mode: 'practice' | 'exam';
  banks: readonly string[];
}

/**
 * Every practice question with its key, by question key, built with the site. Only banks of
 * practice quizzes are read, whose keys their quiz pages already ship: an exam's never are.
 */
export function reviewQuestions(
  quizzes: readonly ReviewQuiz[],
  banks: ReadonlyMap<string, readonly Question[]>,
  linkCitations: (texts: readonly string[]) => Record<string, string>,
): Record<string, ReviewQuestion> {
  const questions: Record<string, ReviewQuestion> = {};
  for (const quiz of quizzes) {
    if (quiz.mode !== 'practice') continue;
    for (const bankId of quiz.banks) {
      const { questions: shown, key } = splitQuestions(banks.get(bankId) ?? []);
      for (const unit of shown.flatMap(gradableUnits)) {
        const entry = key[unit.key];
        if (!entry || questions[unit.key]) continue;
        questions[unit.key] = {
          // A scenario's text is shown; its other sub-questions are not needed here.
          unit: unit.scenario ? { ...unit, scenario: { ...unit.scenario, questions: [] } } : unit,
          answer: entry.answer,
          ...(entry.explanation === undefined ? {} : { explanation: entry.explanation }),
          quizId: quiz.id,
          quizTitle: quiz.title,
          citeLinks: linkCitations([
            ...unit.cites,
            ...(entry.explanation ? [entry.explanation] : []),
          ]),
        };
      }
    }
  }
  return questions;
}
