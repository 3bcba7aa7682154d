#!/usr/bin/env node
// Runs the built CLI when `npm run build` has made it, else the TypeScript source through tsx
// (a devDependency), so a fresh clone works after `npm ci` without a build.
import { existsSync } from 'node:fs';

const built = new URL('../dist/src/cli/main.js', import.meta.url);
let cli;
if (existsSync(built)) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
process.exitCode = await cli.run(process.argv);
