/** Where the web app manifest is served; every page links to it (src/layouts/Base.astro). */
export const MANIFEST_PATH = '/manifest.webmanifest';
/** iOS reads no icon from the manifest: it takes this one, from a `<link rel="apple-touch-icon">`. */
export const APPLE_TOUCH_ICON = '/icons/apple-touch-icon.png';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: 'any' | 'maskable';
}

/**
 * The site's icon at the sizes installers ask for; the PNGs are made from the SVGs with
 * `rsvg-convert` (README, "Installing the site") and committed. The maskable one fills its
 * square, as Android cuts it to its own shape.
 */
export const ICONS: readonly ManifestIcon[] = [
  { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

/** Every file installing the site needs, which the service worker keeps for offline use. */
export const INSTALL_FILES: readonly string[] = [
  MANIFEST_PATH,
  APPLE_TOUCH_ICON,
  ...ICONS.map((icon) => icon.src),
];

/**
 * The value of a CSS custom property in the first rule that declares it: in global.css, the
 * light theme's `:root`. Undefined when no rule does.
 */
export function cssVariable(css: string, name: string): string | undefined {
  return new RegExp(`${name}\\s*:\\s*([^;}]+)`).exec(css)?.[1]?.trim();
}

export interface ManifestText {
  name: string;
  shortName: string;
  description: string;
}

/**
 * The web app manifest: with it (and a service worker), browsers offer to install the site,
 * which opens on its own, like an app. An installed site keeps its data on iOS, where Safari
 * otherwise deletes it after seven days of use without a visit.
 */
export function webManifest(
  text: ManifestText,
  colours: { theme: string; background: string },
): Record<string, unknown> {
  return {
    id: '/',
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: 'vi',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: colours.theme,
    background_color: colours.background,
    icons: ICONS,
  };
}
