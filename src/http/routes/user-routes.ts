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
  listApiTokens,
  listUsers,
  newTokenSchema,
  newUserSchema,
  passwordResetSchema,
  resetPassword,
  revokeApiToken,
  roleChangeSchema,
  setUserDisabled,
  setUserRole,
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
    passwordChangeRequired: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
const username = z.object({ username: z.string() });
const tags = ['Users'];
const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
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
      request: { body: jsonBody(newUserSchema) },
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
          ? 'Disable an account, ending its sessions and tokens (never the last administrator)'
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
      path: '/api/users/{username}/role',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Give an account another role (never the last administrator)',
      request: { params: username, body: jsonBody(roleChangeSchema) },
      responses: { 200: ok(userSchema, 'The account.'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await setUserRole(ctx, actorOf(c), c.req.valid('param').username, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{username}/password',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Set another person’s password; they must change it at their next sign-in',
      description:
        'Their sessions end. To change your own password, use POST /api/session/password.',
      request: { params: username, body: jsonBody(passwordResetSchema) },
      responses: { 200: ok(userSchema, 'The account.'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await resetPassword(ctx, actorOf(c), c.req.valid('param').username, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/{username}/tokens',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'List a system integration’s API tokens (never the tokens themselves)',
      request: { params: username },
      responses: { 200: ok(z.array(apiTokenSchema), 'The tokens.'), ...problemResponses },
    }),
    async (c) => c.json(await listApiTokens(ctx, actorOf(c), c.req.valid('param').username), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{username}/tokens',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Issue an API token for a system integration (shown once)',
      description: 'Only for accounts created without a password: a person’s account has none.',
      request: { params: username, body: jsonBody(newTokenSchema) },
      responses: {
        201: ok(
          z.object({ id: z.string(), token: z.string(), expiresAt: z.string() }),
          'The token; only its hash is kept.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { name, expiresInDays } = c.req.valid('json');
      return c.json(
        await createApiToken(ctx, actorOf(c), c.req.valid('param').username, name, expiresInDays),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/users/{username}/tokens/{tokenId}',
      tags,
      middleware: [allow('users.manage')] as const,
      summary: 'Revoke one API token',
      request: { params: z.object({ username: z.string(), tokenId: z.string() }) },
      responses: { 200: ok(apiTokenSchema, 'The revoked token.'), ...problemResponses },
    }),
    async (c) => {
      const { username: name, tokenId } = c.req.valid('param');
      return c.json(await revokeApiToken(ctx, actorOf(c), name, tokenId), 200);
    },
  );
}
