/**
 * Zod as the renderer uses it (vite.config.ts resolves `zod` to this module): the CSP allows no
 * eval, so zod must not probe for `new Function` (each probe is a CSP violation). Set here, before
 * any schema of the page exists, whichever chunk loads zod first.
 */
import * as z from 'zod/v4';

export * from 'zod/v4';
z.config({ jitless: true });
export { z, z as default };
