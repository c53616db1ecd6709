import type { z } from 'astro/zod';
import { annotationSchema } from './annotation.ts';
import { caseSchema } from './case.ts';
import { courseSchema } from './course.ts';
import { glossarySchema } from './glossary.ts';
import { guidanceSchema } from './guidance.ts';
import { lessonSchema } from './lesson.ts';
import { outlineSchema } from './outline.ts';
import { questionBankSchema, quizSchema } from './quiz.ts';
import { regulationSchema } from './regulation.ts';
import { abbreviationsSchema } from './search.ts';

/**
 * Where each collection's files live and which schema they follow. Astro's content config and
 * `camnang lint` both read this, so the build and the linter can never disagree.
 */
export interface CollectionSpec {
  /** Folder, relative to the project root. */
  base: string;
  /** Glob below `base`; only `*` (within one folder) is used. */
  pattern: string;
  format: 'frontmatter' | 'yaml';
  schema: z.ZodType;
  /** The entry id from the file's path relative to `base`. */
  id: (path: string) => string;
}

const fileStem = (path: string) => path.replace(/\.[^./]+$/, '');

export const collectionSpecs = {
  regulations: {
    base: 'content/regulations',
    pattern: '*/index.mdx',
    format: 'frontmatter',
    schema: regulationSchema,
    id: (path) => path.split('/')[0] ?? path,
  },
  outlines: {
    base: 'content/regulations',
    pattern: '*/outline.yaml',
    format: 'yaml',
    schema: outlineSchema,
    id: (path) => path.split('/')[0] ?? path,
  },
  annotations: {
    base: 'content/regulations',
    pattern: '*/annotations/*.mdx',
    format: 'frontmatter',
    schema: annotationSchema,
    id: (path) => fileStem(path.replace('/annotations/', '/')),
  },
  lessons: {
    base: 'content/lessons',
    pattern: '*.mdx',
    format: 'frontmatter',
    schema: lessonSchema,
    id: fileStem,
  },
  cases: {
    base: 'content/cases',
    pattern: '*.mdx',
    format: 'frontmatter',
    schema: caseSchema,
    id: fileStem,
  },
  guidance: {
    base: 'content/guidance',
    pattern: '*.mdx',
    format: 'frontmatter',
    schema: guidanceSchema,
    id: fileStem,
  },
  glossary: {
    base: 'content/glossary',
    pattern: '*.yaml',
    format: 'yaml',
    schema: glossarySchema,
    id: fileStem,
  },
  courses: {
    base: 'content/courses',
    pattern: '*.yaml',
    format: 'yaml',
    schema: courseSchema,
    id: fileStem,
  },
  quizzes: {
    base: 'quizzes',
    pattern: '*.yaml',
    format: 'yaml',
    schema: quizSchema,
    id: fileStem,
  },
  questionBanks: {
    base: 'quizzes/banks',
    pattern: '*.yaml',
    format: 'yaml',
    schema: questionBankSchema,
    id: fileStem,
  },
  /** Not an Astro collection: search reads it at build time; listed here so lint checks it. */
  searchAbbreviations: {
    base: 'content/search',
    pattern: 'abbreviations.yaml',
    format: 'yaml',
    schema: abbreviationsSchema,
    id: fileStem,
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collectionSpecs;
