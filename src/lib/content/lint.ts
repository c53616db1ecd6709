import { loadContent, type ContentEntries } from './load.ts';
import type { Problem } from './problem.ts';
import { checkReferences } from './references.ts';

/** Every check that content must pass before it is published, in file order. */
export function lintContent(root: string): { entries: ContentEntries; problems: Problem[] } {
  const { entries, problems } = loadContent(root);
  problems.push(...checkReferences(entries));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { entries, problems };
}
