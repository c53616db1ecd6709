// Parser speed on the real laws: `npx node bench/parse.ts [corpus dir] [runs]`.
// Prints the median time per file; the largest law must stay well under 100 ms.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLegalText } from '../src/lib/legal/parse.ts';

const dir = resolve(process.argv[2] ?? resolve(process.cwd(), '../shared/corpus/laws'));
const runs = Number(process.argv[3] ?? 50);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
console.log(`${runs} lần mỗi tệp, ${dir}`);
console.log(
  ['tệp'.padEnd(62), 'KB'.padStart(7), 'ms (trung vị)'.padStart(14), 'KB/ms'.padStart(8)].join(''),
);
for (const name of files) {
  const text = readFileSync(join(dir, name), 'utf8');
  const kb = Buffer.byteLength(text) / 1024;
  // Warm up so the JIT has compiled the parser before timing.
  for (let i = 0; i < 5; i++) parseLegalText(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseLegalText(text);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(
    [
      name.padEnd(62),
      kb.toFixed(1).padStart(7),
      ms.toFixed(2).padStart(14),
      (kb / ms).toFixed(0).padStart(8),
    ].join(''),
  );
}
