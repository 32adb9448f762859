/**
 * The file a worker thread starts from, beside the module that starts it (`here`: its `import.meta.url`). From dist/
 * it is `<name>.js`; from TypeScript sources (tsx, Vitest) it is `<name>-bootstrap.mjs`, which registers tsx's loader
 * before importing `<name>.ts`, since Node 20 does not apply `--import` loaders to a worker's entry module.
 */
export function workerEntry(here: string, name: string): URL {
  return new URL(here.endsWith('.ts') ? `./${name}-bootstrap.mjs` : `./${name}.js`, here);
}
