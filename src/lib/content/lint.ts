import { collectionSpecs } from '../../schemas/index.ts';
import type { Outline } from '../../schemas/outline.ts';
import type { Regulation } from '../../schemas/regulation.ts';
import type { RegulationBody } from '../legal/body.ts';
import { buildRegistry } from '../legal/resolve.ts';
import { allAnchors } from '../legal/tree.ts';
import { checkAnnotations } from './annotation-checks.ts';
import { checkCitations } from './citation-checks.ts';
import { loadContent, type ContentEntries } from './load.ts';
import { checkMdxBodies } from './mdx-checks.ts';
import type { Problem } from './problem.ts';
import { checkQuizzes } from './quiz-checks.ts';
import { checkReferences } from './references.ts';
import { readRegulationBody } from './regulations.ts';

/** Every check that content must pass before it is published, in file order. */
export function lintContent(root: string): { entries: ContentEntries; problems: Problem[] } {
  const { entries, problems } = loadContent(root);
  problems.push(...checkReferences(entries));
  problems.push(...checkQuizzes(entries));
  const anchors = new Map<string, Set<string>>();
  const bodies = new Map<string, RegulationBody>();
  for (const { id } of entries.regulations) {
    const folder = `${collectionSpecs.regulations.base}/${id}`;
    const outline = entries.outlines.find((entry) => entry.id === id);
    const body = readRegulationBody(root, id, outline?.data as Outline | undefined);
    anchors.set(id, allAnchors(body.nodes));
    bodies.set(id, body);
    if (body.kind === 'text') {
      for (const warning of body.warnings) {
        problems.push({ file: `${folder}/text.txt`, severity: 'warning', ...warning });
      }
      if (outline) {
        problems.push({
          file: outline.file,
          line: 1,
          severity: 'warning',
          message: 'văn bản đã có text.txt nên trang hiển thị văn bản gốc; tóm lược này không được dùng',
        });
      }
    }
  }
  problems.push(...checkAnnotations(entries, anchors));
  problems.push(...checkMdxBodies(entries));
  const regulations = entries.regulations.map(({ id, data }) => ({ id, data: data as Regulation }));
  problems.push(...checkCitations(entries, buildRegistry(regulations, bodies)));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { entries, problems };
}
