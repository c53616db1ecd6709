import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionSpecs, type CollectionSpec } from './schemas/index.ts';

function fromSpec<S extends CollectionSpec>(spec: S) {
  return defineCollection({
    loader: glob({
      base: `./${spec.base}`,
      pattern: spec.pattern,
      generateId: ({ entry }) => spec.id(entry),
    }),
    schema: spec.schema as S['schema'],
  });
}

const specs = collectionSpecs;

export const collections = {
  regulations: fromSpec(specs.regulations),
  outlines: fromSpec(specs.outlines),
  annotations: fromSpec(specs.annotations),
  lessons: fromSpec(specs.lessons),
  cases: fromSpec(specs.cases),
  guidance: fromSpec(specs.guidance),
  glossary: fromSpec(specs.glossary),
  courses: fromSpec(specs.courses),
  quizzes: fromSpec(specs.quizzes),
  questionBanks: fromSpec(specs.questionBanks),
};
