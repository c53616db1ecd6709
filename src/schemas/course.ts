import { z } from './zod.ts';
import { nonEmpty, slug } from './common.ts';

const minutes = z.number().int().positive().max(600);

export const courseItem = z.union([
  z.strictObject({ lesson: slug, minutes }),
  z.strictObject({ quiz: slug, minutes }),
]);
export type CourseItem = z.infer<typeof courseItem>;

/** `content/courses/<slug>.yaml`: an ordered path of lessons and quizzes. */
export const courseSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  items: z.array(courseItem).min(1),
});
export type Course = z.infer<typeof courseSchema>;
