/** Something wrong in a content file, reported as `file:line: message`. */
export interface Problem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'cảnh báo: ' : '';
  return `${problem.file}:${problem.line}: ${prefix}${problem.message}`;
}

export const hasErrors = (problems: readonly Problem[]) =>
  problems.some((problem) => problem.severity === 'error');
