/// <reference types="astro/client" />

// For svelte-check, which cannot read .astro files; `astro check` resolves them to real types.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
