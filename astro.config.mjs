import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { camnang } from './src/integrations/camnang.ts';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  integrations: [camnang(), mdx(), svelte(), sitemap()],
});
