import type { z } from 'astro/zod';

/**
 * Validates an MDX component's props, or stops the build with an error a trainer can act on:
 * `content/lessons/x.mdx:12: <Callout> type: giá trị "x" không hợp lệ; được dùng: …`.
 */
export function checkProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.infer<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const where = (props as { source?: string } | null)?.source ?? 'nội dung MDX';
  const problems = result.error.issues.map(
    (issue) => `${where}: <${component}> ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
  );
  throw new Error(problems.join('\n'));
}
