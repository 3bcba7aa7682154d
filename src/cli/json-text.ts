/**
 * JSON read from a file or a line of input, with the position of the first mistake when it is not
 * JSON. `JSON.parse` decides, and its message often gives the position; when it does not
 * (`Unexpected token '}'`), jsonc-parser (strict: no comments, no trailing commas) finds it.
 * @module
 */
import { createScanner, parse, type ParseError } from 'jsonc-parser';

/** jsonc-parser's token kinds (a `const enum` its types declare, so its values are written here). */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, end: 17 } as const;

/** Input that is not JSON: what is wrong and where (1-based line and column). */
export class JsonError extends Error {
  override readonly name = 'JsonError';

  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${problem} at line ${String(line)}, column ${String(column)}`);
  }
}

/**
 * jsonc-parser's parser recurses once per level: past a few thousand levels it overflows the
 * stack. No case nests a tenth as deep, so deeper bad input is reported where it gets too deep.
 */
const MAX_DEPTH = 1000;

export function parseJson(text: string): unknown {
  // Editors on Windows often save a byte-order mark; JSON.parse refuses it.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    const stated = v8Offset(error);
    if (stated !== undefined) throw errorAt(json, stated);
    const tooDeep = offsetPastDepth(json, MAX_DEPTH);
    if (tooDeep !== undefined) {
      throw errorAt(json, tooDeep, `nested more than ${String(MAX_DEPTH)} levels deep`);
    }
    const found = jsoncOffset(json);
    if (found === undefined) throw error;
    throw errorAt(json, found);
  }
}

function errorAt(json: string, offset: number, problem = unexpected(json, offset)): JsonError {
  const before = json.slice(0, offset);
  return new JsonError(problem, before.split('\n').length, offset - before.lastIndexOf('\n'));
}

function unexpected(json: string, offset: number): string {
  return offset >= json.length
    ? 'unexpected end of input'
    : `unexpected ${JSON.stringify(json.charAt(offset))}`;
}

/** Where brackets first open deeper than `limit`, by jsonc-parser's scanner (a loop, no recursion). */
function offsetPastDepth(json: string, limit: number): number | undefined {
  const scanner = createScanner(json, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      depth++;
      if (depth > limit) return scanner.getTokenOffset();
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      depth--;
    }
  }
  return undefined;
}

/** The first mistake jsonc-parser finds. */
function jsoncOffset(json: string): number | undefined {
  const errors: ParseError[] = [];
  parse(json, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0]?.offset;
}

/** The position in V8's message, when it gives one ("… in JSON at position 8"). */
function v8Offset(error: unknown): number | undefined {
  const match = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : undefined;
}
