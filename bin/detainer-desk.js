#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm run build`; `npm ci` runs it as `prepare`) when every
// source file's build is at least as new as the source; otherwise the TypeScript source through
// tsx (a devDependency), so an edited source never runs as its old build. Checking each file's
// pair costs about 2 ms; a build stamp would miss an edit made while tsc was running.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/src/cli/main.js', root);

/** True when dist/ holds a build of every source file (tests aside) newer than the source. */
function buildIsCurrent() {
  if (!existsSync(built)) return false;
  const src = fileURLToPath(new URL('src', root));
  const dist = fileURLToPath(new URL('dist/src', root));
  // An installed package ships only dist/.
  if (!existsSync(src)) return true;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    const name = entry.name;
    if (!entry.isFile() || !name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const source = join(entry.parentPath ?? entry.path, name);
    const output = join(dist, relative(src, source)).replace(/\.ts$/, '.js');
    const made = statSync(output, { throwIfNoEntry: false });
    if (made === undefined || made.mtimeMs < statSync(source).mtimeMs) return false;
  }
  return true;
}

let cli;
if (buildIsCurrent()) {
  cli = await import(built.href);
} else {
  if (existsSync(built) && process.stderr.isTTY) {
    process.stderr.write(
      'detainer-desk: the build in dist/ is older than src/, so this runs from source (slower); `npm run build` updates it\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('src/cli/main.ts', root).href);
}
process.exitCode = await cli.run(process.argv);
