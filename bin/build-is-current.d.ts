/** The package's root folder. */
export const root: URL;
/** The built CLI, dist/src/cli/main.js. */
export const builtCli: URL;
/** True when dist/ holds a build of every source file (tests aside) at least as new as it. */
export function buildIsCurrent(): boolean;
