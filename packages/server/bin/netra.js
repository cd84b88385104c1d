#!/usr/bin/env node
// `netra …`. In development the TypeScript CLI runs through tsx (no build step to forget); in
// production (NODE_ENV=production, or wherever tsx is not installed) the built packages/server/dist/cli.js
// runs on Node alone.
import fs from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
let tsx = null;
if (process.env.NODE_ENV !== 'production') tsx = await import('tsx/esm/api').catch(() => null);
if (tsx) {
  tsx.register();
  await import('../src/cli/main.ts');
} else if (fs.existsSync(built)) {
  await import(built.href);
} else {
  console.error('netra: no production build (packages/server/dist/cli.js); run `npm run build`.');
  process.exit(1);
}
