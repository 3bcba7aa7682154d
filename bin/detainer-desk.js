#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/, made by `npm run build`; `npm ci` runs it as `prepare`) when it
// is current (build-is-current.js); otherwise the TypeScript source through tsx (a
// devDependency), slower to start but never older than the source.
import { existsSync } from 'node:fs';
import { buildIsCurrent, builtCli, root } from './build-is-current.js';

let cli;
if (buildIsCurrent()) {
  cli = await import(builtCli.href);
} else {
  if (existsSync(builtCli) && process.stderr.isTTY) {
    process.stderr.write(
      'detainer-desk: the build in dist/cli/ is older than src/, so this runs from source (slower); `npm run build` updates it\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('src/cli/main.ts', root).href);
}
process.exitCode = await cli.run(process.argv);
