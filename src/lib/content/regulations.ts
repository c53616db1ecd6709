import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionSpecs } from '../../schemas/index.ts';
import type { Outline } from '../../schemas/outline.ts';
import type { Regulation } from '../../schemas/regulation.ts';
import { regulationBody, type RegulationBody } from '../legal/body.ts';
import type { RegulationEntry } from '../legal/document.ts';
import { loadContent } from './load.ts';

/** A regulation's body as the site shows it: its imported `text.txt` if present, else its outline. */
export function readRegulationBody(
  root: string,
  id: string,
  outline: Outline | undefined,
): RegulationBody {
  const textFile = join(root, collectionSpecs.regulations.base, id, 'text.txt');
  const text = existsSync(textFile) ? readFileSync(textFile, 'utf8') : undefined;
  return regulationBody({ text, outline });
}

/** The valid regulations under `root` and their bodies; invalid files are lint's to report. */
export function loadRegulations(root: string): {
  regulations: RegulationEntry[];
  bodies: Map<string, RegulationBody>;
} {
  const { entries } = loadContent(root);
  const regulations = entries.regulations.map(({ id, data }) => ({ id, data: data as Regulation }));
  const bodies = new Map<string, RegulationBody>();
  for (const { id } of regulations) {
    const outline = entries.outlines.find((entry) => entry.id === id);
    bodies.set(id, readRegulationBody(root, id, outline?.data as Outline | undefined));
  }
  return { regulations, bodies };
}
