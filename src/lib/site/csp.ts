import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** `'sha256-…'` without its quotes: what a Content-Security-Policy names an inline script or style by. */
export async function cspHash(source: string): Promise<`sha256-${string}`> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

/**
 * The site's Content-Security-Policy (Astro's `security.csp`): everything from the site itself and
 * nothing else. Scripts run only from our files or when their hash is listed (Astro adds those of
 * the scripts and styles it writes inline; `inlineScripts` are ours); Pagefind needs WebAssembly.
 */
export async function contentSecurityPolicy(inlineScripts: readonly string[]): Promise<CspConfig> {
  return {
    directives: [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: await Promise.all(inlineScripts.map(cspHash)),
    },
  };
}
