/** The v2 answers' schemas at their edges: what the description allows is read, nothing else. */
import { describe, expect, it } from 'vitest';
import {
  apiTokenListSchema,
  apiTokenSchema,
  authenticatedSchema,
  refreshedSchema,
  secondFactorRequiredSchema,
} from './v2-schemas';

const token = {
  apiTokenId: '00000000-0000-4000-8000-000000000001',
  description: 'laptop',
  roles: ['api_read'],
  createdAt: '2026-11-28T12:00:00Z',
};

describe('v2 schemas', () => {
  it('reads date-times with any offset as epoch ms', () => {
    expect(
      apiTokenSchema.parse({ ...token, expiresAt: '2026-11-28T14:00:00+02:00' }),
    ).toMatchObject({
      createdAt: Date.UTC(2026, 10, 28, 12),
      expiresAt: Date.UTC(2026, 10, 28, 12),
    });
  });

  it('an absent or null expiresAt means the token does not expire', () => {
    expect(apiTokenSchema.parse(token).expiresAt).toBeUndefined();
    expect(apiTokenSchema.parse({ ...token, expiresAt: null }).expiresAt).toBeUndefined();
  });

  it('refuses a token with an unknown role, a missing field or a date that is no date', () => {
    expect(apiTokenSchema.safeParse({ ...token, roles: ['admin'] }).success).toBe(false);
    expect(apiTokenSchema.safeParse({ ...token, apiTokenId: undefined }).success).toBe(false);
    expect(apiTokenSchema.safeParse({ ...token, createdAt: 'yesterday' }).success).toBe(false);
  });

  it('a null list is an empty list; a list of garbage is refused', () => {
    expect(apiTokenListSchema.parse(null)).toEqual([]);
    expect(apiTokenListSchema.safeParse([{ apiTokenId: 1 }]).success).toBe(false);
  });

  it('the 202 may come without a name, but not with another one', () => {
    expect(secondFactorRequiredSchema.safeParse({}).success).toBe(true);
    expect(secondFactorRequiredSchema.safeParse({ name: 'SecondFactorRequired' }).success).toBe(
      true,
    );
    expect(secondFactorRequiredSchema.safeParse({ name: 'TOTP' }).success).toBe(false);
  });

  it('sign-in answers `expires`, refresh answers `expiresAt`: each only its own', () => {
    const pair = { token: 't', refreshToken: 'r' };
    const at = '2026-11-28T12:30:00Z';
    expect(authenticatedSchema.safeParse({ ...pair, expires: at }).success).toBe(true);
    expect(authenticatedSchema.safeParse({ ...pair, expiresAt: at }).success).toBe(false);
    expect(refreshedSchema.safeParse({ ...pair, expiresAt: at }).success).toBe(true);
    expect(refreshedSchema.safeParse({ ...pair, expires: at }).success).toBe(false);
  });
});
