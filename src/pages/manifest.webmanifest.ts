import css from '../styles/global.css?raw';
import { t } from '../i18n/index.ts';
import { MANIFEST_PATH, cssVariable, webManifest } from '../lib/offline/manifest.ts';

/** The colours a phone shows while the installed site opens: the light theme's, from global.css. */
function colour(name: string): string {
  const value = cssVariable(css, name);
  if (!value) throw new Error(`${MANIFEST_PATH}: global.css không khai báo ${name}`);
  return value;
}

export function GET(): Response {
  const manifest = webManifest(
    { name: t('site.name'), shortName: t('app.shortName'), description: t('site.tagline') },
    { theme: colour('--accent'), background: colour('--bg') },
  );
  return new Response(JSON.stringify(manifest), {
    headers: { 'content-type': 'application/manifest+json' },
  });
}
