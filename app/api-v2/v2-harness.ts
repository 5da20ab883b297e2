/** Test set-up for the v2 client: the sandbox on loopback and a v2 client pointed at its origin. */
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { ManualClock } from '../testing/sandbox-fixture';
import { MittwaldV2Client, type SessionTokens, type V2ClientOptions } from './v2-client';

export const STUDIO_DEMO = { email: 'studio-demo@example.com', password: 'demo' };
export const STUDIO_MFA = { email: 'studio-mfa@example.com', password: 'demo' };

export interface V2Harness {
  sandbox: Sandbox;
  clock: ManualClock;
  tracker: RateLimitTracker;
  client: MittwaldV2Client;
}

export async function startV2Harness(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<V2ClientOptions> = {},
): Promise<V2Harness> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ clock: clock.read, ...sandboxOptions });
  const tracker = new RateLimitTracker(clock.read);
  const client = new MittwaldV2Client({
    baseUrl: sandbox.v2.url,
    tracker,
    clock: clock.read,
    timeoutMs: 2_000,
    retryDelayMs: 5,
    ...clientOptions,
  });
  return { sandbox, clock, tracker, client };
}

/** A session of the plain demo account. */
export async function studioSession(client: MittwaldV2Client): Promise<SessionTokens> {
  const result = await client.authenticate(STUDIO_DEMO);
  if (result.status !== 'authenticated') throw new Error('studio-demo asked for a second factor');
  return result;
}

/** The TOTP code the MFA demo account's authenticator would show now. */
export const currentCode = (clock: ManualClock): string => totp(DEMO_TOTP_SECRET, clock.now);
