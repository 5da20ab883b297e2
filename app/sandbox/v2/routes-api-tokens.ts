/**
 * The v2 sandbox's API-token routes under `/v2/users/self/api-tokens`: list (with the
 * description's paging), create (the secret answered once), get, update, delete.
 */
import { z } from 'zod';
import { error, readJson, validationFailed, type V2Answer, type V2Route } from './route-kit';
import { API_TOKEN_ROLES, type SandboxV2ApiToken, type SandboxV2World } from './world-v2';

const LIST = '/v2/users/self/api-tokens';
const ONE = '/v2/users/self/api-tokens/{apiTokenId}';

const dateTime = z.iso.datetime({ offset: true });
const createBody = z.object({
  description: z.string(),
  roles: z
    .array(z.enum(API_TOKEN_ROLES))
    .min(1)
    .refine((roles) => new Set(roles).size === roles.length, 'roles must be unique'),
  expiresAt: dateTime.optional(),
});
const updateBody = z.object({ description: z.string(), expiresAt: dateTime.optional() });
const count = z.coerce.number().int().min(0);
const listQuery = z.object({
  limit: count.optional(),
  skip: z.coerce.number().int().min(0).optional(),
  page: count.optional(),
});

const iso = (ms: number) => new Date(ms).toISOString();

function view(token: SandboxV2ApiToken) {
  return {
    apiTokenId: token.apiTokenId,
    description: token.description,
    roles: token.roles,
    createdAt: iso(token.createdAt),
    ...(token.expiresAt !== undefined && { expiresAt: iso(token.expiresAt) }),
  };
}

const notFound = error(404, 'NotFoundError', 'No such API token.');

export function apiTokenRoutes(
  route: V2Route,
  world: SandboxV2World,
  clock: () => number,
  defaultLimit?: number,
): void {
  /** An expiry must lie ahead: a token born expired is refused as invalid input. */
  const pastExpiry = (expiresAt: string | undefined): V2Answer | undefined =>
    expiresAt !== undefined && Date.parse(expiresAt) <= clock()
      ? validationFailed([
          { code: 'custom', message: 'expiresAt must be in the future', path: ['expiresAt'] },
        ])
      : undefined;

  route('GET', LIST, { auth: 'bearer', access: 'read' }, ({ c, principal }) => {
    const query = listQuery.safeParse(c.req.query());
    if (!query.success) return validationFailed(query.error.issues);
    const all = world.apiTokensOf(principal!.email);
    const { page } = query.data;
    const limit = query.data.limit ?? defaultLimit;
    // `skip` wins over `page` when both are set; `page` counts in `limit`s.
    const skip = query.data.skip ?? (page !== undefined && limit !== undefined ? page * limit : 0);
    const items = all.slice(skip, limit === undefined ? undefined : skip + limit);
    return {
      status: 200,
      body: items.map(view),
      headers: {
        'X-Pagination-TotalCount': String(all.length),
        'X-Pagination-Skip': String(skip),
        'X-Pagination-Page': String(limit ? Math.floor(skip / limit) : 0),
        ...(limit !== undefined && { 'X-Pagination-Limit': String(limit) }),
      },
    };
  });

  route('POST', LIST, { auth: 'bearer', access: 'write' }, async ({ c, principal }) => {
    const input = createBody.safeParse(await readJson(c));
    if (!input.success) return validationFailed(input.error.issues);
    const invalid = pastExpiry(input.data.expiresAt);
    if (invalid) return invalid;
    const { description, roles, expiresAt } = input.data;
    const created = world.createApiToken(principal!.email, {
      description,
      roles,
      ...(expiresAt !== undefined && { expiresAt: Date.parse(expiresAt) }),
    });
    return { status: 201, body: { token: created.secret } };
  });

  route('GET', ONE, { auth: 'bearer', access: 'read' }, ({ c, principal }) => {
    const token = world.apiTokenOf(principal!.email, c.req.param('apiTokenId') ?? '');
    return token ? { status: 200, body: view(token) } : notFound;
  });

  // A PUT replaces what it names: an update without expiresAt leaves the token without expiry.
  route('PUT', ONE, { auth: 'bearer', access: 'write' }, async ({ c, principal }) => {
    const token = world.apiTokenOf(principal!.email, c.req.param('apiTokenId') ?? '');
    if (!token) return notFound;
    const input = updateBody.safeParse(await readJson(c));
    if (!input.success) return validationFailed(input.error.issues);
    const invalid = pastExpiry(input.data.expiresAt);
    if (invalid) return invalid;
    token.description = input.data.description;
    if (input.data.expiresAt === undefined) delete token.expiresAt;
    else token.expiresAt = Date.parse(input.data.expiresAt);
    return { status: 204 };
  });

  route('DELETE', ONE, { auth: 'bearer', access: 'write' }, ({ c, principal }) => {
    const token = world.apiTokenOf(principal!.email, c.req.param('apiTokenId') ?? '');
    if (!token) return notFound;
    world.apiTokens.delete(token.apiTokenId);
    return { status: 204 };
  });
}
