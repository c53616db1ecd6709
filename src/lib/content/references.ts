import { RELATION_KINDS } from '../../schemas/regulation.ts';
import { nearest } from '../text/nearest.ts';
import type { ContentEntries, ContentEntry } from './load.ts';
import type { Problem } from './problem.ts';

/**
 * Cross-entry references. Astro 7 only logs a dangling `reference()`, and `camnang lint` runs
 * without Astro, so both use this check.
 */
export function checkReferences(entries: ContentEntries): Problem[] {
  const ids = (collection: keyof ContentEntries) => new Set(entries[collection].map((e) => e.id));
  const regulations = ids('regulations');
  const lessons = ids('lessons');
  const quizzes = ids('quizzes');
  const glossary = ids('glossary');
  const banks = ids('questionBanks');
  const problems: Problem[] = [];

  const expect = (
    entry: ContentEntry,
    path: (string | number)[],
    value: string,
    known: Set<string>,
    what: string,
  ) => {
    if (known.has(value)) return;
    const suggestions = nearest(value, known);
    problems.push({
      file: entry.file,
      line: entry.source.lineOf(path),
      severity: 'error',
      message: `${path.join('.')}: không có ${what} "${value}"${
        suggestions.length ? `; có phải ý bạn là: ${suggestions.join(', ')}?` : ''
      }`,
    });
  };

  for (const entry of entries.regulations) {
    const relations = entry.data['relations'] as Record<string, unknown[]>;
    for (const kind of RELATION_KINDS) {
      relations[kind]?.forEach((related, index) => {
        if (typeof related === 'string') {
          expect(entry, ['relations', kind, index], related, regulations, 'văn bản nào có mã');
        }
      });
    }
  }
  for (const entry of entries.outlines) {
    if (!regulations.has(entry.id)) {
      problems.push({
        file: entry.file,
        line: 1,
        severity: 'error',
        message: `thư mục này thiếu index.mdx mô tả văn bản "${entry.id}"`,
      });
    }
  }
  for (const entry of entries.glossary) {
    (entry.data['related'] as string[]).forEach((term, index) =>
      expect(entry, ['related', index], term, glossary, 'thuật ngữ nào có mã'),
    );
  }
  for (const entry of entries.courses) {
    (entry.data['items'] as { lesson?: string; quiz?: string }[]).forEach((item, index) => {
      if (item.lesson !== undefined) {
        expect(entry, ['items', index, 'lesson'], item.lesson, lessons, 'bài học nào có mã');
      }
      if (item.quiz !== undefined) {
        expect(entry, ['items', index, 'quiz'], item.quiz, quizzes, 'bài trắc nghiệm nào có mã');
      }
    });
  }
  for (const entry of entries.quizzes) {
    (entry.data['banks'] as string[]).forEach((bank, index) =>
      expect(entry, ['banks', index], bank, banks, 'ngân hàng câu hỏi nào có mã'),
    );
  }
  return problems;
}
