import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCAFFOLD_KINDS, scaffoldFiles, type ScaffoldKind } from '../lib/content/scaffold.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

export const scaffold: Command = {
  name: 'new',
  summary: 'Tạo tệp mới hợp lệ để soạn',
  usage: [
    'Cách dùng: camnang new <lesson|case|guidance|quiz> <mã> [--root <thư mục>]',
    '',
    'Tạo tệp mẫu hợp lệ (mã: chữ thường không dấu, số và dấu gạch nối, ví dụ thoi-hieu-ky-luat).',
    'Bài trắc nghiệm kèm một ngân hàng câu hỏi cùng mã. Không ghi đè tệp đã có.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { root: { type: 'string' } });
    const [kind, slug, ...extra] = positionals;
    if (!kind || !slug || extra.length) throw new UsageError('cần đúng hai tham số: loại và mã');
    if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`loại "${kind}" không có; dùng: ${SCAFFOLD_KINDS.join(', ')}`);
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      throw new UsageError(`mã "${slug}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch nối`);
    }
    const root = values.root ?? process.cwd();
    const files = scaffoldFiles(kind as ScaffoldKind, slug, new Date().toISOString().slice(0, 10));
    const existing = Object.keys(files).filter((path) => existsSync(join(root, path)));
    if (existing.length) {
      process.stderr.write(`camnang new: đã có ${existing.join(', ')}; không ghi đè.\n`);
      return 1;
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      process.stdout.write(`Đã tạo ${path}\n`);
    }
    process.stdout.write('Sửa các chỗ có chú thích, rồi chạy: npx camnang lint\n');
    return 0;
  },
};
