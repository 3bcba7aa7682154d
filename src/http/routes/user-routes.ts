/**
 * Accounts and API tokens, for administrators.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ROLES } from '../../auth/roles.js';
import type { DeskContext } from '../../services/desk-context.js';
import {
  createApiToken,
  createUser,
  listUsers,
  newUserSchema,
  setUserDisabled,
} from '../../services/user-service.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    isService: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
const username = z.object({ username: z.string() });
const tags = ['Users'];
const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function registerUserRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'List accounts',
      responses: { 200: ok(z.array(userSchema), 'Every account.'), ...problemResponses },
    }),
    async (c) => c.json(await listUsers(ctx, actorOf(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Create an account',
      request: {
        body: { required: true, content: { 'application/json': { schema: newUserSchema } } },
      },
      responses: { 201: ok(userSchema, 'The new account.'), ...problemResponses },
    }),
    async (c) => c.json(await createUser(ctx, actorOf(c), c.req.valid('json')), 201),
  );
  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/users/{username}/${path}`,
        tags,
        middleware: [allow('users.manage')] as const,
        summary: disabled
          ? 'Disable an account, ending its sessions and tokens'
          : 'Enable an account',
        request: { params: username },
        responses: { 200: ok(userSchema, 'The account.'), ...problemResponses },
      }),
      async (c) =>
        c.json(
          await setUserDisabled(ctx, actorOf(c), c.req.valid('param').username, disabled),
          200,
        ),
    );
  }
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{username}/tokens',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Issue an API token for a system integration (shown once)',
      request: {
        params: username,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({ name: z.string().trim().min(1).max(100) }),
            },
          },
        },
      },
      responses: {
        201: ok(
          z.object({ id: z.string(), token: z.string() }),
          'The token; only its hash is kept.',
        ),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await createApiToken(
          ctx,
          actorOf(c),
          c.req.valid('param').username,
          c.req.valid('json').name,
        ),
        201,
      ),
  );
}
