/**
 * The light public report page (/lapor), built on its own after the app: Preact stands in for
 * React (preact/compat), so the report form's components — the same ones the console's intake
 * uses — load without React and without any console code. Writes `lapor.html`, its assets under
 * `assets/` beside the app's (content-hashed, so nothing collides), the service worker `sw.js`
 * with the exact list of files to keep offline, and a `.gz`/`.br` copy of every text file, which
 * the server sends as it is (no compression work per request).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const DIST = path.resolve(import.meta.dirname, 'dist');

/** The service worker: its source with the build's file list and a version, written to dist/sw.js. */
function serviceWorker(): Plugin {
  return {
    name: 'netra-report-sw',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'lapor.html')
        .map((name) => `/${name}`);
      const source = fs.readFileSync(path.resolve(import.meta.dirname, 'src/public-report/sw.js'), 'utf8');
      const version = files.join('|').split('').reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7) >>> 0;
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: source.replace('self.__NETRA_ASSETS__', JSON.stringify(files)).replace('self.__NETRA_VERSION__', JSON.stringify(version.toString(36))),
      });
    },
  };
}

/** Pre-compressed copies of every text file of the whole dist (app and light page). */
function precompress(): Plugin {
  return {
    name: 'netra-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(DIST)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        fs.writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  plugins: [serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    rollupOptions: { input: { lapor: path.resolve(import.meta.dirname, 'lapor.html') } },
  },
});
