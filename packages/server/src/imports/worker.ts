/**
 * Worker threads running Netra's own modules. Under tsx (development, tests) the loader does not
 * reach worker threads by itself on Node 20, so each worker first registers it and then imports
 * its entry module. In the production build (deploy/build-server.mjs) the entry is a bundled
 * `.js` file beside this one and the worker runs it directly, with no TypeScript loader.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

type ResourceLimits = ConstructorParameters<typeof Worker>[1] extends infer O ? (O extends { resourceLimits?: infer R } ? R : never) : never;

/** The built `.js` module standing for a `.ts` entry, when this code runs from the build. */
function builtEntry(entry: URL): URL | null {
  if (!entry.pathname.endsWith('.ts')) return null;
  const built = new URL(entry.href.replace(/\.ts$/, '.js'));
  return fs.existsSync(fileURLToPath(built)) ? built : null;
}

export function startTsWorker(entry: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  const built = builtEntry(entry);
  if (built) return new Worker(built, { workerData, ...limits });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, ...limits });
}
