/**
 * Bundles the CLI (src/cli/main.ts) into dist/cli/ with esbuild, for start-up time (issue 10, item
 * 17): loading ~200 small ES modules (Zod's, Luxon's, the engine's and the law's) is most of what
 * `evaluate` costs, and a few large files load much faster. Code splitting keeps each command's
 * `await import(…)` a separate chunk, loaded only when that command runs, so `--help` still
 * loads only the command table. Run by `npm run build`, after tsc (dist/src stays the library's
 * export and types).
 *
 * bin/detainer-desk.js runs the bundle only while it is current (bin/build-is-current.js): this
 * writes a stamp file before it reads any source and moves it into dist/cli/ once the bundle is
 * complete, so a source edited during the bundling is newer than the stamp, and a failed bundle
 * has no stamp. The new bundle replaces the old by renaming its folder.
 *
 *   tsx scripts/bundle-cli.ts
 */
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}dist/cli`;
/** Named in bin/build-is-current.js too. */
const STAMP = 'bundle-stamp';
/**
 * Which modules (src/…, node_modules/…) each output file holds, by file name: chunks are named
 * by hash, so src/cli/main.test.ts reads this to tell what `--help` loaded.
 */
const SOURCES = 'sources.json';

/**
 * Packages left to Node's own loader, each loaded from node_modules when a command needs it.
 */
const EXTERNAL = [
  // Native addons: a .node binary found through `bindings` or a platform package at run time.
  'better-sqlite3',
  '@duckdb/node-api',
  // Imported only for a postgres:// store; it picks optional modules at run time (pg-native in
  // a try/catch, pg-cloudflare on Workers), left to Node's resolution rather than the bundle's.
  'pg',
  // Starts its transport workers (thread-stream) from files it locates by __dirname.
  'pino',
  // Large (several MB bundled) and CommonJS with optional requires; only `ice import` of a
  // workbook loads it.
  'exceljs',
  // Reads its fonts, and pdfkit its font metrics, from files beside their own modules; only
  // `reports build --format pdf` loads it.
  'pdfmake',
  // The bin's fallback when the bundle is not current; never imported by the bundle.
  'tsx',
];

const started = `${ROOT}dist/.${STAMP}-${String(process.pid)}`;
const temporary = `${OUT}.${String(process.pid)}`;
writeFileSync(started, `${new Date().toISOString()}\n`);
try {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: temporary,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node with --enable-source-maps reports the TypeScript source's lines.
    sourcemap: 'linked',
    external: EXTERNAL,
    // jsonc-parser's `main` is a UMD build whose `require('./impl/format')` sits inside a
    // factory esbuild does not follow, so the bundle would fail at run time; its ES build is
    // plain imports.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    // Bundled CommonJS packages (Commander, yauzl, cli-progress…) `require` Node's built-ins:
    // an ES module has no `require`, so each file makes one.
    banner: {
      js: "import { createRequire as __deskCreateRequire } from 'node:module';\nconst require = __deskCreateRequire(import.meta.url);",
    },
    // Names in the chunks for reading a profile; `[name]` is the module a chunk starts with.
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    metafile: true,
  });
  if (result.errors.length > 0) process.exit(1);
  const sources = Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([name]) => name.endsWith('.js'))
      .map(([name, output]) => [basename(name), Object.keys(output.inputs).sort()]),
  );
  writeFileSync(`${temporary}/${SOURCES}`, `${JSON.stringify(sources, null, 1)}\n`);
  renameSync(started, `${temporary}/${STAMP}`);
  rmSync(OUT, { recursive: true, force: true });
  renameSync(temporary, OUT);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  const files = Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js'));
  process.stdout.write(
    `dist/cli: ${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB with source maps, ` +
      `stamped ${statSync(`${OUT}/${STAMP}`).mtime.toISOString()}\n`,
  );
} finally {
  if (existsSync(started)) rmSync(started);
  rmSync(temporary, { recursive: true, force: true });
}
