import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionSpecs } from '../../schemas/index.ts';
import { abbreviationsSchema, type Abbreviation } from '../../schemas/search.ts';
import { readSourceFile } from '../content/source-file.ts';

/** Where trainers keep the abbreviations search expands, relative to the project root. */
export const ABBREVIATIONS_FILE = `${collectionSpecs.searchAbbreviations.base}/${collectionSpecs.searchAbbreviations.pattern}`;

/**
 * The abbreviations in the text of `abbreviations.yaml`, for the build. An invalid file gives
 * none here: `camnang lint` (run before every build) reports it with file and line and stops the build.
 */
export function parseAbbreviations(text: string): Abbreviation[] {
  const parsed = abbreviationsSchema.safeParse(readSourceFile(text, 'yaml').data ?? []);
  return parsed.success ? parsed.data : [];
}

export function readAbbreviations(root: string): Abbreviation[] {
  const file = join(root, ABBREVIATIONS_FILE);
  return existsSync(file) ? parseAbbreviations(readFileSync(file, 'utf8')) : [];
}
