import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRecordedCodes, CodesFileError, parseRecordedCodes } from '../lib/cert/codes.ts';
import { gradeSubmissions, type ExamMaterial, type GradedSubmission } from '../lib/cert/grading.ts';
import {
  DEFAULT_KEYS_DIR,
  examMaterials,
  examSecrets,
  loadAnswerKeys,
  loadQuizzes,
} from '../lib/cert/keys.ts';
import { scanForLeaks, type Leak } from '../lib/cert/leak-check.ts';
import { nodeSha256 } from '../lib/cert/node-crypto.ts';
import { formatTable, toCsv } from '../lib/cert/report.ts';
import { formatProblem, hasErrors, type Problem } from '../lib/content/problem.ts';
import { checkExamKeys } from '../lib/content/quiz-checks.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const usage = [
  'Cách dùng:',
  '  camnang exam grade <bài làm.json | thư mục>… [--codes <mã đã ghi.csv>] [--keys <thư mục>] [--out <kết quả.csv>] [--root <thư mục>]',
  '  camnang exam check [--keys <thư mục>] [--root <thư mục>]',
  '  camnang exam leaks [<thư mục dist>] [--keys <thư mục>] [--root <thư mục>]',
  '',
  'grade  Chấm các tệp bài làm học viên tải về sau khi nộp bài thi (một thư mục: mọi tệp .json',
  '       trong đó). In bảng kết quả; --out ghi thêm tệp CSV (UTF-8 có BOM, mở được bằng Excel).',
  '       Bài làm bị từ chối, kèm lý do, khi: tệp hỏng hoặc sai định dạng; mã băm không khớp (tệp',
  '       bị sửa sau khi nộp); khác phiên bản với đáp án; làm quá giờ (cho thêm 30 giây); trùng lượt.',
  '       Ai cũng tính lại được mã băm, nên chỉ mã bài làm người coi thi ghi lúc nộp bài mới cho',
  '       biết tệp có đúng là bài đã nộp: --codes đối chiếu từng bài với mã đã ghi, từ chối bài có',
  '       mã khác và đánh dấu "cần xem lại" bài không có mã đã ghi.',
  '  --codes  tệp CSV (UTF-8) người coi thi ghi, dòng đầu là tiêu đề, mỗi dòng một bài:',
  '             Tệp,Mã bài làm,Thí sinh',
  '             an.json,7KQ2M-9XD4P,Nguyễn Văn An',
  '           "Tệp" là tên tệp bài làm (không kèm thư mục), "Thí sinh" không bắt buộc;',
  '           tên cột không phân biệt hoa thường, dấu; mã chấp nhận chữ thường, thiếu gạch nối.',
  'check  Kiểm tra tệp đáp án của mọi bài thi: đủ câu, đúng phiên bản, đáp án khớp lựa chọn.',
  'leaks  Kiểm tra trang đã build (mặc định dist/) không chứa đáp án hay lời giải của bài thi nào.',
  '',
  `  --keys  thư mục đáp án (mặc định ${DEFAULT_KEYS_DIR}); trang web không bao giờ đọc thư mục này`,
  '  --root  thư mục dự án chứa quizzes/ (mặc định: thư mục hiện tại)',
  '',
  'Mã thoát: 0 khi mọi bài được chấm (hoặc không có lỗi); 1 khi có bài bị từ chối hoặc cần xem',
  'lại (--codes), có mã đã ghi mà không có bài, đáp án lỗi hoặc lộ đáp án; 2 khi sai tham số',
  'hoặc tệp --codes không đọc được.',
].join('\n');

/** The project's exams with their keys, after checking them; null (problems printed) when they cannot be trusted. */
export function loadExams(root: string, keysDir: string): Map<string, ExamMaterial> | null {
  const { entries, problems } = loadQuizzes(root);
  const keys = loadAnswerKeys(root, keysDir);
  const all: Problem[] = [
    ...problems,
    ...keys.problems,
    ...checkExamKeys(entries, keys.keys, keysDir),
  ];
  for (const problem of all) process.stderr.write(`${formatProblem(problem)}\n`);
  if (hasErrors(all)) {
    process.stderr.write('Sửa các lỗi trên (npx camnang exam check) rồi chạy lại.\n');
    return null;
  }
  return examMaterials(entries, keys.keys);
}

/** Submission files named on the command line; a folder stands for every .json file in it. */
export function readSubmissions(paths: readonly string[]): { file: string; text: string }[] {
  if (!paths.length) throw new UsageError('thiếu tệp bài làm');
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`không có tệp hoặc thư mục "${path}"`);
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(path, name))
      : [path];
    return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  });
}

/** Grades files with the project's exams; null when the exams or keys have errors. */
export async function gradeFiles(
  paths: readonly string[],
  root: string,
  keysDir: string,
): Promise<{ graded: GradedSubmission[]; exams: Map<string, ExamMaterial> } | null> {
  const files = readSubmissions(paths);
  const exams = loadExams(root, keysDir);
  if (!exams) return null;
  return { graded: await gradeSubmissions(files, (id) => exams.get(id), nodeSha256), exams };
}

/** The proctor's recorded codes; a file that cannot be read is a usage error naming the line. */
function readRecordedCodes(path: string) {
  if (!existsSync(path)) throw new UsageError(`không có tệp mã bài làm "${path}"`);
  try {
    return parseRecordedCodes(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof CodesFileError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

async function runGrade(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    codes: { type: 'string' },
    keys: { type: 'string' },
    out: { type: 'string' },
    root: { type: 'string' },
  });
  const recorded = values.codes === undefined ? null : readRecordedCodes(values.codes);
  const graded = await gradeFiles(
    positionals,
    values.root ?? process.cwd(),
    values.keys ?? DEFAULT_KEYS_DIR,
  );
  if (!graded) return 1;
  const rows = graded.graded;
  const missing = recorded ? checkRecordedCodes(rows, recorded) : [];
  process.stdout.write(`${formatTable(rows)}\n`);
  const refused = rows.filter((row) => row.outcome.status === 'refused').length;
  const passed = rows.filter(
    (row) => row.outcome.status === 'graded' && row.outcome.result.passed,
  ).length;
  const unrecorded = rows.filter(
    (row) => row.outcome.status === 'graded' && row.codeCheck === 'unrecorded',
  ).length;
  for (const row of missing) {
    process.stderr.write(
      `${values.codes}:${row.line}: có mã ${row.code} cho tệp "${row.file}"${row.candidate ? ` (${row.candidate})` : ''} nhưng không có bài làm nào tên như vậy\n`,
    );
  }
  process.stderr.write(
    `${rows.length} bài làm: ${passed} đạt, ${rows.length - passed - refused} chưa đạt, ${refused} bị từ chối${recorded ? `, ${unrecorded} cần xem lại vì không có mã đã ghi` : ''}.\n`,
  );
  if (values.out) {
    writeFileSync(values.out, toCsv(rows));
    process.stderr.write(`Đã ghi ${values.out}\n`);
  }
  return refused || unrecorded || missing.length ? 1 : 0;
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    keys: { type: 'string' },
    root: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`tham số thừa: ${positionals.join(' ')}`);
  const exams = loadExams(values.root ?? process.cwd(), values.keys ?? DEFAULT_KEYS_DIR);
  if (!exams) return 1;
  process.stderr.write(
    exams.size
      ? `Đáp án hợp lệ cho ${exams.size} bài thi: ${[...exams.keys()].join(', ')}.\n`
      : 'Dự án chưa có bài thi nào (mode: exam).\n',
  );
  return 0;
}

const LEAK_KINDS: Record<Leak['kind'], string> = {
  explanation: 'lời giải',
  answer: 'đáp án',
  order: 'đáp án qua thứ tự lựa chọn',
  twin: 'đáp án qua một câu luyện tập gần giống',
};

async function runLeaks(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    keys: { type: 'string' },
    root: { type: 'string' },
  });
  const root = values.root ?? process.cwd();
  if (positionals.length > 1) throw new UsageError('chỉ kiểm tra một thư mục mỗi lần');
  const dist = resolve(root, positionals[0] ?? 'dist');
  if (!existsSync(dist))
    throw new UsageError(`không có thư mục ${dist}: hãy build trang trước (npm run build)`);
  const { secrets, problems } = examSecrets(root, values.keys ?? DEFAULT_KEYS_DIR);
  for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const { files, leaks } = scanForLeaks(dist, secrets);
  for (const leak of leaks) {
    const what = LEAK_KINDS[leak.kind];
    process.stdout.write(
      `${leak.file}: lộ ${what} câu "${leak.questionKey}" của bài thi ${leak.examId}: ${leak.excerpt}\n`,
    );
  }
  process.stderr.write(
    leaks.length
      ? `${leaks.length} chỗ lộ đáp án trong ${dist}: không được đăng trang này.\n`
      : `Đã kiểm tra ${files} tệp trong ${dist} với đáp án của ${secrets.length} bài thi: không lộ đáp án.\n`,
  );
  return leaks.length || hasErrors(problems) ? 1 : 0;
}

export const exam: Command = {
  name: 'exam',
  summary: 'Bài thi: chấm bài làm của học viên, kiểm tra đáp án, kiểm tra trang không lộ đáp án',
  usage,
  async run(args) {
    const [subcommand, ...rest] = args;
    switch (subcommand) {
      case 'grade':
        return runGrade(rest);
      case 'check':
        return runCheck(rest);
      case 'leaks':
        return runLeaks(rest);
      case undefined:
        throw new UsageError('thiếu lệnh con: grade, check hoặc leaks');
      default:
        throw new UsageError(`không có lệnh con "${subcommand}"; dùng grade, check hoặc leaks`);
    }
  },
};
