import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceChecker, type OpenApiDocument } from './openapi-conformance.js';

const problem = { content: { 'application/problem+json': { schema: { type: 'object' } } } };
const document: OpenApiDocument = {
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          404: problem,
        },
      },
      delete: { responses: { 204: {} } },
    },
    '/api/things/special': {
      post: {
        responses: {
          429: { ...problem, headers: { 'Retry-After': { required: true } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string' }, count: { type: 'integer', maximum: 10 } },
        required: ['id', 'count'],
      },
    },
  },
};

const check = conformanceChecker(document);
const answer = (
  method: string,
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  check({
    method,
    path,
    status,
    headers: new Headers({
      ...(body === undefined
        ? {}
        : { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }),
      ...headers,
    }),
    text: body === undefined ? '' : JSON.stringify(body),
  });

describe('the OpenAPI conformance check', () => {
  it('passes answers the document describes', () => {
    assert.deepEqual(answer('GET', '/api/things/7?x=1', 200, { id: '7', count: 3 }), []);
    assert.deepEqual(answer('DELETE', '/api/things/7', 204, undefined), []);
    assert.deepEqual(answer('GET', '/api/elsewhere', 404, {}), []);
    assert.deepEqual(answer('PUT', '/api/things/7', 405, {}, { allow: 'GET, HEAD, DELETE' }), []);
    assert.deepEqual(answer('GET', '/api/openapi.json', 200, {}), []);
    assert.deepEqual(answer('GET', '/cases/7', 200, {}), [], 'a web app page, not the API');
  });

  it('fails a body that breaks the schema, naming the field', () => {
    const problems = answer('GET', '/api/things/7', 200, { id: 7, count: 11 });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0] ?? '', /at id/);
    assert.match(problems[1] ?? '', /at count/);
  });

  it('fails an undocumented status, content type, body or missing header', () => {
    assert.match(answer('GET', '/api/things/7', 500, {}).join(), /500 is not documented/);
    assert.match(
      check({
        method: 'GET',
        path: '/api/things/7',
        status: 200,
        headers: new Headers({ 'content-type': 'text/plain' }),
        text: 'seven',
      }).join(),
      /content type "text\/plain" is not documented/,
    );
    assert.match(answer('DELETE', '/api/things/7', 204, { gone: true }).join(), /a body was sent/);
    assert.match(answer('POST', '/api/things/special', 429, {}).join(), /Retry-After is missing/);
    assert.match(answer('GET', '/api/nowhere', 200, {}).join(), /the path is not documented/);
  });

  it('fails a wrong method that is not a 405 naming the documented ones', () => {
    assert.match(answer('PUT', '/api/things/7', 404, {}).join(), /must be 405/);
    assert.match(answer('PUT', '/api/things/7', 405, {}, { allow: 'GET' }).join(), /must be 405/);
  });

  it('matches a literal path before a template', () => {
    assert.match(
      answer('GET', '/api/things/special', 200, { id: 'x', count: 1 }).join(),
      /must be 405/,
    );
  });
});
