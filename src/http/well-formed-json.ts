/**
 * Refuses a JSON body holding a lone UTF-16 surrogate (`"\ud800"` with no partner) in any string or
 * key, naming the field. Such a string is no Unicode text: PostgreSQL stores it as U+FFFD, so the
 * record stored would differ from the one hashed into the audit log, and a later reader would get
 * another text than the one written.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { pathOf } from '../desk/errors.js';
import { problem } from './problem.js';

/** Any escaped surrogate; a body with none (almost all) is not parsed here. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

export function wellFormedJson(): MiddlewareHandler {
  return async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) return next();
    // Read once: Hono keeps the text for the route's own parsing.
    const text = await c.req.text();
    if (!SURROGATE_ESCAPE.test(text)) return next();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return next(); // malformed JSON: the route's own parsing answers it
    }
    const path = illFormedPath(value);
    if (path === undefined) return next();
    return problem(c, 'invalid-input', 'the body holds text that is not valid Unicode', [
      { path: pathOf(path), message: 'holds a lone UTF-16 surrogate (\\ud800–\\udfff unpaired)' },
    ]);
  };
}

interface Node {
  value: unknown;
  key?: PropertyKey;
  parent?: Node;
}

/**
 * The path of the first string or key that is not well-formed UTF-16. Walked with a list and
 * parent links, not by recursion or copied paths: a body may nest a hundred thousand levels deep.
 */
function illFormedPath(root: unknown): PropertyKey[] | undefined {
  const pending: Node[] = [{ value: root }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node.value === 'string') {
      if (!isWellFormed(node.value)) return pathTo(node);
    } else if (typeof node.value === 'object' && node.value !== null) {
      const isArray = Array.isArray(node.value);
      for (const [key, value] of Object.entries(node.value as Record<string, unknown>)) {
        const child = { value, key: isArray ? Number(key) : key, parent: node };
        if (!isWellFormed(key)) return pathTo(child);
        pending.push(child);
      }
    }
  }
  return undefined;
}

function pathTo(node: Node): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/** String.prototype.isWellFormed (Node 20), which the ES2023 typings do not declare yet. */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
