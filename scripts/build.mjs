#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`): what `npm start` runs, made ahead of time so a start does
// not compile TypeScript or create a database cluster.
//  1. dist/: every source file of src/ transpiled to JavaScript by esbuild, one file per source file, so paths that
//     modules compute from import.meta.url (migrations/, reference/, client/) resolve as they do from src/. Types
//     are checked by `npm run typecheck`, not here.
//  2. dist/pglite-template/: an embedded database cluster, initialised, migrated and filled with the reference bundle,
//     copied into DATA_DIR on the first start instead of running initdb and loading the bundle there (most of a first
//     start's time and memory).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const started = performance.now();

const sources = (await fs.readdir(src, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test(-[a-z-]+)?\.tsx?$|\.test-(support|helpers|utils)\.tsx?$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));

await fs.rm(dist, { recursive: true, force: true });
await esbuild.build({
  entryPoints: sources,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 has import attributes (`with { type: 'json' }`); esbuild would otherwise drop them from its output.
  supported: { 'import-attributes': true },
  jsx: 'automatic',
  jsxImportSource: '@kitajs/html',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The client scripts bundled ahead (with the options the server uses when it runs from the sources), and the stylesheet.
const { clientBundleOptions } = await import(path.join(dist, 'app/http/assets.js'));
const clientSources = (await fs.readdir(path.join(src, 'client'))).filter((f) => f.endsWith('.ts'));
await fs.rm(path.join(dist, 'client'), { recursive: true, force: true });
await esbuild.build({ ...clientBundleOptions, entryPoints: clientSources.map((f) => path.join(src, 'client', f)), outdir: path.join(dist, 'client') });
for (const file of ['site.css', 'favicon.svg']) await fs.copyFile(path.join(src, 'client', file), path.join(dist, 'client', file));
const transpiled = performance.now();

const { createDatabaseTemplate } = await import(path.join(dist, 'app/database/template-build.js'));
const { loadReferenceBundle, formatReferenceLoad } = await import(path.join(dist, 'app/reference/load.js'));
const { referenceDir } = await import(path.join(dist, 'app/reference/reference.js'));
const { referenceParts } = await import(path.join(dist, 'app/modules.js'));
await createDatabaseTemplate(path.join(dist, 'pglite-template'), async (database) =>
  formatReferenceLoad(await loadReferenceBundle({ db: database.db, parts: referenceParts(), bundleDir: referenceDir }), 'into the database template at build'),
);
console.log(
  `build: ${sources.length} files to dist/ in ${Math.round(transpiled - started)} ms, database template in ${Math.round(performance.now() - transpiled)} ms`,
);
