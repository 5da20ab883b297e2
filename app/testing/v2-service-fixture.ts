/** Helpers for service tests of mStudio (API v2) profiles over the sandbox's `/v2`. */
import type { ChannelInput } from '../contract';
import type { ServiceHarness } from './service-fixture';

export const STUDIO = 'studio-demo@example.com';
export const STUDIO_MFA = 'studio-mfa@example.com';
export const V2_SANDBOX = { name: 'Studio', server: 'sandbox', api: 'v2' } as const;
export const DAY = 24 * 60 * 60 * 1000;

/** Signs in to a new v2 sandbox profile (no second factor); throws unless signed in. */
export async function v2SignedIn(
  h: ServiceHarness,
  extra: Omit<ChannelInput<'session:signIn'>, 'username' | 'password' | 'newProfile'> = {},
): Promise<void> {
  const view = await h.ok('session:signIn', {
    username: STUDIO,
    password: h.password,
    newProfile: V2_SANDBOX,
    ...extra,
  });
  if (view.status !== 'signed_in') throw new Error(`v2 sign-in ended as ${view.status}`);
}

/** This device's token as the sandbox knows it. */
export function sandboxDeviceToken(h: ServiceHarness) {
  const tokens = [...h.sandbox.v2.world.apiTokens.values()];
  return tokens.find((token) => token.description === 'mwtokens on test-host');
}

/** Requests the sandbox saw on v2 routes so far. */
export function v2Requests(h: ServiceHarness): number {
  return h.sandbox.requests.filter((request) => / \/v2\//.test(request.route)).length;
}
