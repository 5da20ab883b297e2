/** zod schemas of every answer the client reads, following openapi-auth.json. */
import { z } from 'zod';

/**
 * `crdate` was an ISO 8601 string and, since a 2026 change, may be an integer; epoch seconds
 * and epoch milliseconds both occur. Normalised to epoch milliseconds.
 */
export const crdateSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = toEpochMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date or an epoch timestamp' });
    return z.NEVER;
  }
  return ms;
});

/** A date as the API sends it (ISO 8601, epoch seconds or milliseconds, or digits in a string). */
export function toEpochMs(value: string | number): number | undefined {
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))
    return toEpochMs(Number(value));
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    // Seconds until the year 5138; beyond that the number is milliseconds.
    return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export const applicationTokenSchema = z.object({
  uuid: z.string().min(1),
  crdate: crdateSchema,
  description: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
});

/** The list may come as `null` (an empty account): that is an empty list. */
export const applicationTokenListSchema = z
  .array(applicationTokenSchema)
  .nullable()
  .transform((list) => list ?? []);

export const createdApplicationTokenSchema = applicationTokenSchema.extend({
  token: z.string().min(1),
});

export const authenticationResponseSchema = z.object({
  token: z.string().min(1),
  expires: z.union([z.string(), z.number()]).optional(),
});

export const authenticationIncompleteSchema = z.object({
  name: z.enum(['TOTP', 'DeviceCookie']),
  deviceId: z.string(),
});

export const tokenSchema = z.object({ token: z.string().min(1) });

export const selfSchema = z.object({
  name: z.string(),
  type: z.enum(['CUS', 'ACC', 'FTP', 'DB', 'MAIL']),
  createdAt: z.number(),
});

export type ApplicationToken = z.output<typeof applicationTokenSchema>;
export type CreatedApplicationToken = z.output<typeof createdApplicationTokenSchema>;
export type Self = z.output<typeof selfSchema>;
