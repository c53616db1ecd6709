import { resolveAll, type CitationRegistry } from '../legal/resolve.ts';
import type { ContentEntries, ContentEntry } from './load.ts';
import type { Problem } from './problem.ts';
import { citeElements, proseOf } from './prose.ts';

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;

/**
 * Explicit <Cite> elements must resolve (the build stops otherwise); citations found in prose,
 * case studies and questions that do not resolve stay as text and are listed as warnings.
 */
export function checkCitations(entries: ContentEntries, registry: CitationRegistry): Problem[] {
  const problems: Problem[] = [];
  const contextOf = (entry: ContentEntry) =>
    entry.collection === 'annotations' || entry.collection === 'regulations'
      ? { document: entry.id.split('/')[0] }
      : {};

  for (const collection of ['lessons', 'cases', 'guidance', 'annotations', 'regulations'] as const) {
    for (const entry of entries[collection]) {
      const { body, bodyLine } = entry.source;
      const context = contextOf(entry);
      for (const cite of citeElements(body)) {
        const within = cite.context ? { document: cite.context } : context;
        const [citation] = resolveAll(cite.ref, registry, within).citations;
        if (!citation?.resolved) {
          problems.push({
            file: entry.file,
            line: bodyLine + lineAt(body, cite.index),
            severity: 'error',
            message: `<Cite> ref: "${cite.ref}": ${citation?.error ?? 'không nhận ra trích dẫn'}`,
          });
        }
      }
      const text = proseOf(body);
      for (const citation of resolveAll(text, registry, context).citations) {
        if (citation.resolved) continue;
        const index = text.indexOf(citation.text);
        problems.push({
          file: entry.file,
          line: bodyLine + lineAt(text, Math.max(0, index)),
          severity: 'warning',
          message: `trích dẫn "${citation.text}" không thành liên kết: ${citation.error}`,
        });
      }
    }
  }

  const fieldCitations = (entry: ContentEntry, path: (string | number)[], value: string) => {
    for (const citation of resolveAll(value, registry).citations) {
      if (citation.resolved) continue;
      problems.push({
        file: entry.file,
        line: entry.source.lineOf(path),
        severity: 'warning',
        message: `${path.join('.')}: trích dẫn "${citation.text}" không thành liên kết: ${citation.error}`,
      });
    }
  };
  for (const entry of entries.cases) {
    (entry.data['regulations'] as string[]).forEach((value, index) =>
      fieldCitations(entry, ['regulations', index], value),
    );
  }
  for (const entry of entries.questionBanks) {
    const questions = entry.data['questions'] as {
      cites: string[];
      explanation?: string;
      questions?: { cites: string[]; explanation?: string }[];
    }[];
    questions.forEach((question, index) => {
      question.cites.forEach((cite, c) => fieldCitations(entry, ['questions', index, 'cites', c], cite));
      if (question.explanation) {
        fieldCitations(entry, ['questions', index, 'explanation'], question.explanation);
      }
      question.questions?.forEach((sub, s) => {
        sub.cites.forEach((cite, c) =>
          fieldCitations(entry, ['questions', index, 'questions', s, 'cites', c], cite),
        );
        if (sub.explanation) {
          fieldCitations(entry, ['questions', index, 'questions', s, 'explanation'], sub.explanation);
        }
      });
    });
  }
  return problems;
}
