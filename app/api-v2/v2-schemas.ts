/** zod schemas of every v2 answer the client reads, following mittwald-v2/openapi-auth.json. */
import { z } from 'zod';

export const API_TOKEN_ROLES = ['api_read', 'api_write'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/** An RFC 3339 `date-time`, normalised to epoch milliseconds. */
export const dateTimeSchema = z.string().transform((value, ctx) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time' });
    return z.NEVER;
  }
  return ms;
});

/** 200 of `POST /v2/authenticate` and `/v2/authenticate-mfa`. */
export const authenticatedSchema = z.object({
  token: z.string().min(1),
  refreshToken: z.string().min(1),
  expires: dateTimeSchema,
});

/** 202 of `POST /v2/authenticate`: `name` is optional in the description. */
export const secondFactorRequiredSchema = z.object({
  name: z.enum(['SecondFactorRequired']).optional(),
});

/** 200 of `PUT /v2/users/self/sessions`: the expiry is `expiresAt` here, not `expires`. */
export const refreshedSchema = z.object({
  token: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: dateTimeSchema,
});

/** `de.mittwald.v1.signup.ApiToken`. */
export const apiTokenSchema = z.object({
  apiTokenId: z.string().min(1),
  description: z.string(),
  roles: z.array(z.enum(API_TOKEN_ROLES)),
  createdAt: dateTimeSchema,
  // Optional in the description; a `null` is read as "never expires" too.
  expiresAt: dateTimeSchema.nullish().transform((value) => value ?? undefined),
});

/**
 * The list is an array by the description. A `null` body is read as an empty list: v1 answers
 * `null` for an empty account, and an empty list is the only thing it can mean.
 */
export const apiTokenListSchema = z
  .array(apiTokenSchema)
  .nullable()
  .transform((list) => list ?? []);

/** 201 of `POST /v2/users/self/api-tokens`: the secret, answered this once. */
export const createdApiTokenSchema = z.object({ token: z.string().min(1) });

/** `GET /v2/users/self/sessions/current/status`. */
export const sessionStatusSchema = z.object({
  userId: z.string().min(1),
  tokenId: z.string().min(1),
  isImpersonated: z.boolean(),
  isEmployee: z.boolean(),
});

export type V2ApiToken = z.output<typeof apiTokenSchema>;
export type SessionStatus = z.output<typeof sessionStatusSchema>;
