import type { ContentEntries, ContentEntry } from './load.ts';
import type { Problem } from './problem.ts';

/** Collections whose MDX bodies trainers write with our components. */
const MDX_COLLECTIONS = ['lessons', 'cases', 'guidance', 'annotations', 'regulations'] as const;

/** Every match of `pattern` in an entry's body, with its line in the file. */
function* matches(entry: ContentEntry, pattern: RegExp): Generator<{ match: RegExpExecArray; line: number }> {
  const body = entry.source.body;
  for (const match of body.matchAll(pattern)) {
    const line = entry.source.bodyLine + body.slice(0, match.index).split('\n').length - 1;
    yield { match, line };
  }
}

/**
 * What the schemas cannot see inside MDX bodies: glossary links and quiz embeds that point
 * nowhere, and images a screen reader could not describe.
 */
export function checkMdxBodies(entries: ContentEntries): Problem[] {
  const glossary = new Set(entries.glossary.map((entry) => entry.id));
  const quizzes = new Set(entries.quizzes.map((entry) => entry.id));
  const problems: Problem[] = [];
  const report = (entry: ContentEntry, line: number, message: string) =>
    problems.push({ file: entry.file, line, severity: 'error', message });

  for (const collection of MDX_COLLECTIONS) {
    for (const entry of entries[collection]) {
      for (const { match, line } of matches(entry, /<Definition\b[^>]*\bterm=["']([^"']*)["']/g)) {
        if (!glossary.has(match[1] ?? '')) {
          report(entry, line, `<Definition> term: không có thuật ngữ "${match[1]}" trong content/glossary/`);
        }
      }
      for (const { match, line } of matches(entry, /<QuizEmbed\b[^>]*\bid=["']([^"']*)["']/g)) {
        if (!quizzes.has(match[1] ?? '')) {
          report(entry, line, `<QuizEmbed> id: không có bài trắc nghiệm "${match[1]}" trong quizzes/`);
        }
      }
      for (const { match, line } of matches(entry, /!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g)) {
        if (!match[1]?.trim()) {
          report(entry, line, `ảnh "${match[2]}" thiếu mô tả (alt): viết ![mô tả ngắn](${match[2]})`);
        }
      }
      for (const { match, line } of matches(entry, /<img\b[^>]*>/g)) {
        if (!/\balt=["'][^"']+["']/.test(match[0])) {
          report(entry, line, 'thẻ <img> thiếu thuộc tính alt mô tả nội dung ảnh');
        }
      }
    }
  }
  return problems;
}
