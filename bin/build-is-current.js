// Whether dist/ holds a build of every source file (tests aside) at least as new as the source:
// bin/detainer-desk.js runs dist/ only then, so an edited source never runs as its old build.
// Checking each file's pair costs about 2 ms; a single build stamp would miss an edit made while
// tsc was running.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = new URL('../', import.meta.url);
export const builtCli = new URL('dist/src/cli/main.js', root);

export function buildIsCurrent() {
  if (!existsSync(builtCli)) return false;
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
