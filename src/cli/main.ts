import { ownValue } from '../lib/own.ts';
import { UsageError, type Command } from './command.ts';

/** Subcommands load lazily so `camnang --help` stays instant. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  cert: {
    summary:
      'Chứng chỉ: tạo khóa ký, cấp chứng chỉ có chữ ký số cho bài thi đạt, xác minh chứng chỉ, thu hồi khóa',
    load: async () => (await import('./cert.ts')).cert,
  },
  cite: {
    summary: 'Tìm và kiểm tra trích dẫn văn bản (điểm, khoản, Điều…) trong một đoạn chữ',
    load: async () => (await import('./cite.ts')).cite,
  },
  exam: {
    summary: 'Bài thi: chấm bài làm của học viên, kiểm tra đáp án, kiểm tra trang không lộ đáp án',
    load: async () => (await import('./exam.ts')).exam,
  },
  lint: {
    summary: 'Kiểm tra toàn bộ nội dung và bộ câu hỏi',
    load: async () => (await import('./lint.ts')).lint,
  },
  new: {
    summary: 'Tạo tệp mới hợp lệ để soạn: bài học, tình huống, hướng dẫn, bài trắc nghiệm',
    load: async () => (await import('./new.ts')).scaffold,
  },
  regulation: {
    summary: 'Phân tích và nhập văn bản pháp luật, văn bản của Đảng (parse, import)',
    load: async () => (await import('./regulation.ts')).regulation,
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`,
  );
  return [
    'Cách dùng: camnang <lệnh> [tham số]',
    '',
    'Các lệnh:',
    ...lines,
    '',
    'Xem hướng dẫn của từng lệnh: camnang <lệnh> --help',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = ownValue(commands, name);
  if (!entry) {
    process.stderr.write(`camnang: không có lệnh "${name}"\n\n${help()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`camnang ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
