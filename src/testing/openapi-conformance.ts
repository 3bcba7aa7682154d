/**
 * Checks an API answer against the OpenAPI document: the path and method are documented (a wrong
 * method is a 405 naming the right ones in `Allow`, an unknown path a 404), the status is one the
 * operation lists, the content type is the one it lists for that status, the body matches that
 * schema, and the headers it marks required are there. The test server runs every answer the API
 * tests receive through it, so the document and the server cannot drift apart unnoticed.
 * @module
 */
import { z } from 'zod';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean }>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

/** What the test client saw. */
export interface Exchange {
  method: string;
  /** The path as requested, with its query. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/**
 * The document describes /api; the web app's pages, the API's reading page and the document
 * itself are served beside it.
 */
const UNDESCRIBED = /^(?!\/api\/)|^\/api\/(openapi\.json|docs(\/.*)?)$/;

const PROBLEM = 'application/problem+json';

/** Returns what is wrong with the answer, as sentences; empty when it conforms. */
export type ConformanceCheck = (exchange: Exchange) => string[];

export function conformanceChecker(document: OpenApiDocument): ConformanceCheck {
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }));
  const validators = new Map<unknown, z.ZodType>();
  const validatorOf = (schema: unknown) => {
    let validator = validators.get(schema);
    if (validator === undefined) {
      validator = z.fromJSONSchema(inlineRefs(schema, document) as never);
      validators.set(schema, validator);
    }
    return validator;
  };

  return ({ method, path, status, headers, text }) => {
    const pathname = path.split('?')[0] ?? path;
    const asked = `${method} ${path} → ${String(status)}`;
    if (UNDESCRIBED.test(pathname)) return [];
    // The literal path wins over a template that also matches it.
    const match = templates
      .filter((candidate) => candidate.pattern.test(pathname))
      .sort((a, b) => a.params - b.params)[0];
    const type = (headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (match === undefined) {
      return status === 404 && type === PROBLEM ? [] : [`${asked}: the path is not documented`];
    }
    const operations = document.paths[match.template] ?? {};
    const operation = operations[method === 'HEAD' ? 'get' : method.toLowerCase()];
    if (operation === undefined) {
      const documented = Object.keys(operations).map((name) => name.toUpperCase());
      if (documented.includes('GET')) documented.push('HEAD');
      const allow = (headers.get('allow') ?? '').split(/,\s*/).sort().join(', ');
      if (status !== 405 || allow !== documented.sort().join(', ')) {
        return [
          `${asked}: ${match.template} takes ${documented.join(', ')}, so this must be 405 with that Allow (got Allow: ${allow})`,
        ];
      }
      return type === PROBLEM ? [] : [`${asked}: the 405 is not a problem+json`];
    }
    const response = operation.responses[String(status)] ?? operation.responses.default;
    if (response === undefined) {
      return [
        `${asked}: ${String(status)} is not documented for ${method} ${match.template} (documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required === true && !headers.has(name)) {
        problems.push(`${asked}: the documented header ${name} is missing`);
      }
    }
    const content = response.content ?? {};
    if (Object.keys(content).length === 0 || method === 'HEAD') {
      if (text !== '') problems.push(`${asked}: a body was sent where none is documented`);
      return problems;
    }
    const media = content[type];
    if (media === undefined) {
      return [
        ...problems,
        `${asked}: content type "${type}" is not documented (documented: ${Object.keys(content).join(', ')})`,
      ];
    }
    if (media.schema === undefined) return problems;
    let body: unknown = text;
    if (/json$/.test(type)) {
      try {
        body = JSON.parse(text);
      } catch {
        return [...problems, `${asked}: the body is not JSON`];
      }
    }
    const result = validatorOf(media.schema).safeParse(body);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(
          `${asked}: the body does not match the documented schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
        );
      }
    }
    return problems;
  };
}

/** The schema with each `$ref` to a component replaced by the component itself. */
function inlineRefs(schema: unknown, document: OpenApiDocument, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, document, seen));
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`the schema ${name} refers to itself`);
    return inlineRefs(document.components?.schemas?.[name], document, [...seen, name]);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, inlineRefs(value, document, seen)]),
  );
}
