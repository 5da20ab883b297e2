/** Test set-up shared by the core's tests: a sandbox on loopback and a client pointed at it. */
import { MittwaldClient, type MittwaldClientOptions } from '../api/mittwald-client';
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';

/** A clock tests move by hand, so nothing sleeps. */
export class ManualClock {
  constructor(public now = Date.UTC(2026, 10, 28, 12, 0, 0)) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface Harness {
  sandbox: Sandbox;
  clock: ManualClock;
  tracker: RateLimitTracker;
  client: MittwaldClient;
}

export async function startHarness(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<MittwaldClientOptions> = {},
): Promise<Harness> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ clock: clock.read, ...sandboxOptions });
  const tracker = new RateLimitTracker(clock.read);
  const client = new MittwaldClient({
    baseUrl: sandbox.url,
    tracker,
    clock: clock.read,
    timeoutMs: 2_000,
    retryDelayMs: 5,
    ...clientOptions,
  });
  return { sandbox, clock, tracker, client };
}

export async function demoToken(client: MittwaldClient, username = 'demo'): Promise<string> {
  const result = await client.authenticate({ username, password: 'demo' });
  if (result.status !== 'authenticated') throw new Error('demo sign-in asked for a second factor');
  return result.token;
}
