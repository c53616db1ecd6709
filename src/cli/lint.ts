import { DEFAULT_KEYS_DIR, loadAnswerKeys } from '../lib/cert/keys.ts';
import { lintContent } from '../lib/content/lint.ts';
import { formatProblem, hasErrors } from '../lib/content/problem.ts';
import { checkExamKeys } from '../lib/content/quiz-checks.ts';
import { parseCommandArgs, type Command } from './command.ts';

export const lint: Command = {
  name: 'lint',
  summary: 'Kiểm tra toàn bộ nội dung và bộ câu hỏi',
  usage: [
    'Cách dùng: camnang lint [--root <thư mục>]',
    '',
    'Kiểm tra mọi tệp trong content/ và quizzes/: trường bắt buộc, giá trị cho phép,',
    'liên kết giữa các mục. In mỗi lỗi dạng tệp:dòng: nội dung; thoát với mã 1 nếu có lỗi.',
  ].join('\n'),
  async run(args) {
    const { values } = parseCommandArgs(args, { root: { type: 'string' } });
    const root = values.root ?? process.cwd();
    const { entries, problems } = lintContent(root);
    // Exam keys are checked here, not in lintContent: the site build runs that and must never read them.
    const keys = loadAnswerKeys(root, DEFAULT_KEYS_DIR);
    problems.push(...keys.problems, ...checkExamKeys(entries, keys.keys, DEFAULT_KEYS_DIR));
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    process.stderr.write(
      errors || warnings
        ? `${errors} lỗi, ${warnings} cảnh báo\n`
        : 'Nội dung hợp lệ: không có lỗi nào.\n',
    );
    return hasErrors(problems) ? 1 : 0;
  },
};
