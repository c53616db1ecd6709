import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { camnang } from './src/integrations/camnang.ts';
import { remarkCitations } from './src/integrations/remark-citations.ts';
import { remarkSource } from './src/integrations/remark-source.ts';
import { INLINE_SCRIPTS } from './src/components/inline-scripts.ts';
import { SITE_VARIABLE, siteAddress } from './src/lib/site/address.ts';
import { contentSecurityPolicy } from './src/lib/site/csp.ts';

// Code paths are absolute so that build tests can point `--root` at a fixture's content.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const MDX_COMPONENTS = [
  'KeyPoint',
  'Callout',
  'Definition',
  'Cite',
  'Compare',
  'Timeline',
  'Verdict',
  'CaseFacts',
  'QuizEmbed',
];

// The public address, from the deployment's environment (README, "Deployment"). Unset, the build
// names no address at all (no canonical links, no sitemap) rather than a wrong one.
const site = siteAddress(process.env[SITE_VARIABLE]) ?? undefined;

export default defineConfig({
  site,
  srcDir: here('./src'),
  publicDir: here('./public'),
  trailingSlash: 'always',
  // A Content-Security-Policy in every page (src/lib/site/csp.ts).
  security: { csp: await contentSecurityPolicy(Object.values(INLINE_SCRIPTS)) },
  server: { host: '127.0.0.1', port: 4321 },
  preview: { host: '127.0.0.1', port: 4321 },
  markdown: {
    // unified, not Astro 7's default Sätteri, because our remark plugins need its syntax tree.
    // No highlighting: Shiki colours code with style attributes, which the CSP refuses.
    syntaxHighlight: false,
    processor: unified({
      // Citations first, so the <Cite> elements they add are told their source line too.
      remarkPlugins: [remarkCitations, [remarkSource, { components: MDX_COMPONENTS }]],
    }),
  },
  integrations: [
    camnang(),
    mdx(),
    svelte(),
    // The offline page is only ever shown in place of a page that could not be loaded.
    ...(site ? [sitemap({ filter: (page) => !page.endsWith('/ngoai-tuyen/') })] : []),
  ],
});
