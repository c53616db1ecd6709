import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { lintContent } from '../lib/content/lint.ts';
import { formatProblem, hasErrors } from '../lib/content/problem.ts';
import { NO_SITE_NOTICE } from '../lib/site/address.ts';
import { buildServiceWorker } from './offline.ts';
import { indexSite } from './pagefind.ts';

/**
 * The site's build steps. Checks all content before Astro loads it, so a trainer's mistake stops the build with
 * `file:line: field: problem` (Astro 7 alone only logs a dangling reference); after the build, indexes the pages for
 * search and writes the service worker that keeps pages readable offline.
 */
export function camnang(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'camnang',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const { problems } = lintContent(root);
        for (const problem of problems) {
          if (problem.severity === 'error') logger.error(formatProblem(problem));
        }
        // Warnings (citations that stay plain text, say) would drown the build log: count them.
        const warnings = problems.length - problems.filter((p) => p.severity === 'error').length;
        if (warnings)
          logger.warn(`${warnings} cảnh báo về nội dung; xem chi tiết: npx camnang lint`);
        if (command === 'build' && !config.site) logger.warn(NO_SITE_NOTICE);
        if (command === 'build' && hasErrors(problems)) {
          const count = problems.filter((p) => p.severity === 'error').length;
          throw new Error(`Nội dung có ${count} lỗi (xem các dòng ở trên); hãy sửa rồi build lại.`);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages } = await indexSite(fileURLToPath(dir), root);
        logger.info(`Pagefind: ${pages} trang, ${Math.round(performance.now() - started)} ms`);
        const worker = await buildServiceWorker(fileURLToPath(dir));
        logger.info(
          `Service worker: ${Math.round(worker.bytes / 1024)} KB, lưu sẵn ${worker.precached.join(', ')}`,
        );
      },
    },
  };
}
