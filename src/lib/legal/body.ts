import type { Outline } from '../../schemas/outline.ts';
import { parseLegalText, type ParseWarning } from './parse.ts';
import { outlineToTree, type BodyNode } from './tree.ts';

/**
 * A regulation's body in one of two kinds that render alike: the official text a trainer
 * imported ("Văn bản gốc"), or our own outline with summaries ("Tóm lược").
 */
export type RegulationBody =
  | { kind: 'text'; nodes: BodyNode[]; warnings: ParseWarning[] }
  | { kind: 'outline'; nodes: BodyNode[]; source: Outline['source'] }
  | { kind: 'none'; nodes: [] };

export function regulationBody(input: { text?: string | undefined; outline?: Outline | undefined }): RegulationBody {
  if (input.text !== undefined) {
    const parsed = parseLegalText(input.text);
    return { kind: 'text', nodes: parsed.body, warnings: parsed.warnings };
  }
  if (input.outline) {
    return { kind: 'outline', nodes: outlineToTree(input.outline.body), source: input.outline.source };
  }
  return { kind: 'none', nodes: [] };
}
