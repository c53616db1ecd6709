import { existsSync, statSync } from 'node:fs';
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
    'liên kết giữa các mục. In mỗi lỗi dạng tệp:dòng: nội dung; thoát với mã 1 nếu có lỗi,',
    'hoặc nếu thư mục không có hay không có nội dung nào để kiểm tra.',
  ].join('\n'),
  async run(args) {
    const { values } = parseCommandArgs(args, { root: { type: 'string' } });
    const root = values.root ?? process.cwd();
    // Nothing to check is not "no errors": a mistyped --root must not pass.
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      process.stderr.write(`camnang lint: không có thư mục ${root}\n`);
      return 1;
    }
    const { entries, problems } = lintContent(root);
    // Exam keys are checked here, not in lintContent: the site build runs that and must never read them.
    const keys = loadAnswerKeys(root, DEFAULT_KEYS_DIR);
    problems.push(...keys.problems, ...checkExamKeys(entries, keys.keys, DEFAULT_KEYS_DIR));
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const files = new Set([
      ...Object.values(entries).flatMap((list) => list.map((entry) => entry.file)),
      ...problems.map((problem) => problem.file),
    ]);
    if (files.size === 0) {
      process.stderr.write(
        `camnang lint: ${root} không có nội dung nào (tệp trong content/ hoặc quizzes/); hãy kiểm tra --root\n`,
      );
      return 1;
    }
    for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    process.stderr.write(
      errors || warnings
        ? `${errors} lỗi, ${warnings} cảnh báo (${files.size} tệp)\n`
        : `Nội dung hợp lệ: ${files.size} tệp, không có lỗi nào.\n`,
    );
    return hasErrors(problems) ? 1 : 0;
  },
};
