// Whether dist/cli/ holds a bundle of the CLI (scripts/bundle-cli.ts, run by `npm run build`)
// made from the current source: bin/detainer-desk.js runs the bundle only then, so an edited
// source never runs as its old build. The bundler writes its stamp before it reads any source
// and keeps it only when the bundle is complete, so every source file (tests aside) must be
// older than the stamp; a file edited while it ran is not. node_modules/.package-lock.json,
// which npm rewrites on every install, must be older too: the bundle holds copies of the
// libraries it bundles. A few milliseconds for the ~190 files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = new URL('../', import.meta.url);
export const builtCli = new URL('dist/cli/main.js', root);
const stamp = new URL('dist/cli/bundle-stamp', root);

export function buildIsCurrent() {
  const made = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  if (made === undefined || !existsSync(builtCli)) return false;
  const installed = statSync(new URL('node_modules/.package-lock.json', root), {
    throwIfNoEntry: false,
  });
  if (installed !== undefined && installed.mtimeMs >= made) return false;
  const src = fileURLToPath(new URL('src', root));
  // An installed package ships only dist/.
  if (!existsSync(src)) return true;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    const name = entry.name;
    if (!entry.isFile() || !name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    if (statSync(join(entry.parentPath ?? entry.path, name)).mtimeMs >= made) return false;
  }
  return true;
}
