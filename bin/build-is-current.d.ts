/** The package's root folder. */
export const root: URL;
/** The bundled CLI, dist/cli/main.js (scripts/bundle-cli.ts). */
export const builtCli: URL;
/** True when dist/cli/ holds a bundle made after every source file (tests aside) was last changed. */
export function buildIsCurrent(): boolean;
