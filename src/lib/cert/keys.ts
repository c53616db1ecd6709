import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  answerKeySchema,
  type AnswerKeyFile,
  type Question,
  type Quiz,
} from '../../schemas/quiz.ts';
import { loadEntry, type ContentEntries } from '../content/load.ts';
import type { Problem } from '../content/problem.ts';
import type { AnswerKeySource } from '../content/quiz-checks.ts';
import { readSourceFile } from '../content/source-file.ts';
import { splitQuestions, type AnswerKey } from '../quiz/key.ts';
import type { ExamMaterial } from './grading.ts';
import type { ExamSecrets } from './leak-check.ts';

/** Where exam keys live unless `--keys` says otherwise (ARCHITECTURE.md: the site build never reads it). */
export const DEFAULT_KEYS_DIR = 'quizzes/keys';

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
        .sort()
        .map((name) => join(dir, name))
    : [];

/** A path as the trainer should see it: relative to the project when inside it. */
const shown = (root: string, path: string) => {
  const inside = relative(root, path);
  return (inside.startsWith('..') || isAbsolute(inside) ? path : inside).split('\\').join('/');
};

/** Reads every key file in `dir` (relative to `root` unless absolute); the file name is the exam id. */
export function loadAnswerKeys(
  root: string,
  dir: string,
): { keys: AnswerKeySource[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys = yamlFiles(resolve(root, dir)).map((path): AnswerKeySource => {
    const file = shown(root, path);
    const quizId = path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    const source = readSourceFile(readFileSync(path, 'utf8'), 'yaml');
    if (source.syntaxError) {
      problems.push({ file, severity: 'error', ...source.syntaxError });
      return { quizId, file, data: null, source: null };
    }
    const parsed = answerKeySchema.safeParse(source.data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          line: source.lineOf(issue.path),
          severity: 'error',
          message: `${issue.path.length ? issue.path.join('.') : '(tệp)'}: ${issue.message}`,
        });
      }
      return { quizId, file, data: null, source };
    }
    return { quizId, file, data: parsed.data, source };
  });
  return { keys, problems };
}

/** The quizzes and banks of a project, read as `camnang lint` reads them. */
export function loadQuizzes(root: string): {
  entries: Pick<ContentEntries, 'quizzes' | 'questionBanks'>;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const read = (collection: 'quizzes' | 'questionBanks', dir: string) =>
    yamlFiles(join(root, dir)).flatMap((path) => {
      const loaded = loadEntry(root, collection, path, readFileSync(path, 'utf8'));
      problems.push(...loaded.problems);
      return loaded.entry ? [loaded.entry] : [];
    });
  return {
    entries: {
      quizzes: read('quizzes', 'quizzes'),
      questionBanks: read('questionBanks', 'quizzes/banks'),
    },
    problems,
  };
}

function answerKey(data: AnswerKeyFile): AnswerKey {
  const key: AnswerKey = {};
  for (const [id, { answer, explanation }] of Object.entries(data.answers)) {
    key[id] = explanation === undefined ? { answer } : { answer, explanation };
  }
  return key;
}

/** What grading needs for each exam that has a readable key, by exam id. */
export function examMaterials(
  entries: Pick<ContentEntries, 'quizzes' | 'questionBanks'>,
  keys: readonly AnswerKeySource[],
): Map<string, ExamMaterial> {
  const materials = new Map<string, ExamMaterial>();
  for (const entry of entries.quizzes) {
    const quiz = entry.data as Quiz;
    const key = keys.find((candidate) => candidate.quizId === entry.id)?.data;
    if (quiz.mode !== 'exam' || !key) continue;
    const banks = quiz.banks.flatMap((id) => {
      const bank = entries.questionBanks.find((candidate) => candidate.id === id);
      return bank
        ? [{ id, questions: splitQuestions(bank.data['questions'] as Question[]).questions }]
        : [];
    });
    materials.set(entry.id, {
      quiz: { id: entry.id, ...quiz },
      banks,
      key: answerKey(key),
      keyVersion: key.version,
    });
  }
  return materials;
}

/** What the leak check looks for: every readable key, with its exam's questions as written (none when the exam is missing). */
export function examSecrets(
  root: string,
  keysDir: string,
): { secrets: ExamSecrets[]; problems: Problem[] } {
  const { keys, problems } = loadAnswerKeys(root, keysDir);
  const { entries } = loadQuizzes(root);
  const materials = examMaterials(entries, keys);
  const secrets = keys.flatMap((key) =>
    key.data
      ? [
          {
            examId: key.quizId,
            answers: key.data.answers,
            questions: materials.get(key.quizId)?.banks.flatMap((bank) => bank.questions) ?? [],
          },
        ]
      : [],
  );
  return { secrets, problems };
}
