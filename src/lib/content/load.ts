import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { collectionSpecs, type CollectionName, type CollectionSpec } from '../../schemas/index.ts';
import type { Problem } from './problem.ts';
import { readSourceFile, type SourceFile } from './source-file.ts';

export interface ContentEntry {
  collection: CollectionName;
  id: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  data: Record<string, unknown>;
  source: SourceFile;
}

export type ContentEntries = { [K in CollectionName]: ContentEntry[] };

/** Files below `base` whose relative path matches a pattern of `*` segments. */
function matchFiles(base: string, pattern: string): string[] {
  const segments = pattern.split('/');
  const walk = (dir: string, depth: number): string[] => {
    const segment = segments[depth];
    if (segment === undefined) return [];
    const regex = new RegExp(
      `^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`,
    );
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      if (!regex.test(name) || name.startsWith('.')) return [];
      const path = join(dir, name);
      const last = depth === segments.length - 1;
      const isDir = statSync(path).isDirectory();
      if (last) return isDir ? [] : [path];
      return isDir ? walk(path, depth + 1) : [];
    });
  };
  return walk(base, 0);
}

/** Reads one file of a collection: its data if valid, and every problem found. */
export function loadEntry(
  root: string,
  collection: CollectionName,
  path: string,
  text: string,
): { entry?: ContentEntry; problems: Problem[] } {
  const spec: CollectionSpec = collectionSpecs[collection];
  const file = relative(root, path).split('\\').join('/');
  const source = readSourceFile(text, spec.format);
  if (source.syntaxError) {
    return { problems: [{ file, severity: 'error', ...source.syntaxError }] };
  }
  const result = (spec.schema as z.ZodType).safeParse(source.data ?? {});
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({
        file,
        line: source.lineOf(issue.path),
        severity: 'error' as const,
        message: `${issue.path.length ? issue.path.join('.') : '(tệp)'}: ${issue.message}`,
      })),
    };
  }
  const id = spec.id(relative(join(root, spec.base), path).split('\\').join('/'));
  return {
    entry: { collection, id, file, data: result.data as Record<string, unknown>, source },
    problems: [],
  };
}

/** Reads and validates every collection under `root`. */
export function loadContent(root: string): { entries: ContentEntries; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries = {} as ContentEntries;
  for (const collection of Object.keys(collectionSpecs) as CollectionName[]) {
    const spec = collectionSpecs[collection];
    entries[collection] = [];
    for (const path of matchFiles(join(root, spec.base), spec.pattern)) {
      const loaded = loadEntry(root, collection, path, readFileSync(path, 'utf8'));
      problems.push(...loaded.problems);
      if (loaded.entry) entries[collection].push(loaded.entry);
    }
  }
  return { entries, problems };
}
