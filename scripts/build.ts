/**
 * `npm run build` (run by `prepare`, so `npm ci` builds it): compiles the CLI
 * into dist/ so that `chidao` starts without transpiling TypeScript. One
 * bundle per entry (the CLI and the extraction worker) with shared chunks;
 * each `await import()` in the sources becomes a chunk loaded only when a
 * command or an input needs it. Packages with native parts or their own
 * workers stay external, loaded from node_modules.
 *
 * Data files (data/, pipelines/, the store's migrations) are read at run time
 * next to the module that names them with `import.meta.url`: in the bundle
 * every module keeps the URL of its source file, so those paths resolve from
 * dist/ as they do from src/.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}dist`;

/** Not bundled: native add-ons, and packages that start workers or read their own files. */
export const EXTERNAL = ['pdfjs-dist', 'tesseract.js', 'better-sqlite3', 'pg', 'mammoth', '@napi-rs/canvas'];

/** Rewrites `import.meta.url` in each source module to its source file's URL, relative to the bundle. */
const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(path, 'utf8');
      const fromOut = relative(OUT, path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

export async function buildCli(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli.ts', 'extract-worker': 'src/store/extract-worker.ts' },
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Tells extract-pool.ts to start dist/extract-worker.js rather than the sources through tsx.
    define: { CHIDAO_COMPILED: 'true' },
    // Bundled CommonJS packages call require(); give the ES module one.
    banner: { js: "import { createRequire as __chidaoRequire } from 'node:module'; const require = __chidaoRequire(import.meta.url);" },
    plugins: [sourceUrls],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  await buildCli();
  console.log(`build: dist/ in ${Math.round(performance.now() - start)} ms`);
}
