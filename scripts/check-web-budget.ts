/**
 * The web app's JavaScript budget (issue 11): the first page may load at most 250 KB of
 * JavaScript, gzipped. Reads the manifest Vite wrote beside the build (`npm run build:web`) and
 * sums the entry chunk and every chunk it imports statically; pages loaded later (dynamic imports)
 * do not count. Exits 1 over budget, naming each chunk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const BUILD = fileURLToPath(new URL('../dist/web/', import.meta.url));

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const manifest = JSON.parse(readFileSync(join(BUILD, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** The entry and its static imports, each once. */
function firstPageChunks(): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) visit(key);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

let total = 0;
for (const file of firstPageChunks()) {
  const gzipped = gzipSync(readFileSync(join(BUILD, file)), { level: 9 }).length;
  total += gzipped;
  console.log(`${file}: ${(gzipped / 1024).toFixed(1)} KB gzip`);
}
const verdict = `first page JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${String(BUDGET_BYTES / 1024)} KB)`;
if (total > BUDGET_BYTES) {
  console.error(`${verdict}: over budget`);
  process.exitCode = 1;
} else {
  console.log(verdict);
}
