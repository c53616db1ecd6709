import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegulations } from '../lib/content/regulations.ts';
import { buildRegistry, citationLabel, resolveAll } from '../lib/legal/resolve.ts';
import { collectionSpecs } from '../schemas/index.ts';
import { parseCommandArgs, printJson, UsageError, type Command } from './command.ts';

export const cite: Command = {
  name: 'cite',
  summary: 'Tìm và kiểm tra trích dẫn văn bản (điểm, khoản, Điều…) trong một đoạn chữ',
  usage: [
    'Cách dùng: camnang cite "<đoạn chữ>" [--json] [--root <thư mục>] [--in <văn bản>] [--article <số điều>]',
    '',
    'Tìm mọi trích dẫn trong đoạn chữ, ví dụ "điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW",',
    'và cho biết mỗi trích dẫn dẫn tới đâu trên trang, hoặc vì sao không dẫn được.',
    '  --json            in kết quả dạng JSON: { "citations": [ … ] }',
    '  --root <thư mục>  thư mục dự án chứa content/regulations (mặc định: thư mục hiện tại)',
    '  --in <văn bản>    slug của văn bản chứa đoạn chữ, cho "Quy định này", "Điều 5" không ghi văn bản',
    '  --article <số>    điều chứa đoạn chữ, cho "khoản 2 Điều này" (cần --in)',
    'Thoát với mã 0 kể cả khi có trích dẫn không hợp lệ (kết quả ghi rõ lý do); mã 2 khi sai tham số.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      root: { type: 'string' },
      in: { type: 'string' },
      article: { type: 'string' },
    });
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('thiếu đoạn chữ cần tìm trích dẫn');
    const root = values.root ?? process.cwd();
    const folder = join(root, collectionSpecs.regulations.base);
    if (!existsSync(folder)) throw new UsageError(`không có thư mục ${folder}`);
    if (values.article !== undefined && values.in === undefined) {
      throw new UsageError('--article cần đi cùng --in');
    }
    const { regulations, bodies } = loadRegulations(root);
    const registry = buildRegistry(regulations, bodies);
    if (values.in !== undefined && !registry.documents.has(values.in)) {
      throw new UsageError(`không có văn bản "${values.in}" trong ${folder}`);
    }
    const result = resolveAll(text, registry, { document: values.in, article: values.article });
    if (values.json) {
      printJson(result);
      return 0;
    }
    if (result.citations.length === 0) process.stderr.write('Không tìm thấy trích dẫn nào.\n');
    for (const citation of result.citations) {
      const label = citationLabel(citation, registry) || citation.text;
      process.stdout.write(
        citation.resolved ? `✓ ${label}  ${citation.url}\n` : `✗ ${label}: ${citation.error}\n`,
      );
    }
    return 0;
  },
};
