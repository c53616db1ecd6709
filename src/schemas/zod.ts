import { z } from 'astro/zod';

// The site's Content-Security-Policy has no 'unsafe-eval': zod's compiled parsers would be refused,
// and its probe for them (a caught `new Function`) is still reported as a violation.
z.config({ jitless: true });

export { z };
