/** The client's cost over bare fetch: medians of the same list call on the loopback sandbox. */
import { MittwaldClient } from '../app/api/mittwald-client';
import { RateLimitTracker } from '../app/ratelimit/rate-limit-tracker';
import { startSandbox } from '../app/sandbox/server';

export interface OverheadResult {
  calls: number;
  clientMedianMs: number;
  fetchMedianMs: number;
  ratio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function measureClientOverhead(calls: number): Promise<OverheadResult> {
  const sandbox = await startSandbox({ rateLimits: {} });
  try {
    const client = new MittwaldClient({ baseUrl: sandbox.url, tracker: new RateLimitTracker() });
    const auth = await client.authenticate({ username: 'demo', password: 'demo' });
    if (auth.status !== 'authenticated') throw new Error('second factor');
    for (let i = 0; i < 20; i++) sandbox.world.createToken('demo', `bench ${i}`);
    const url = `${sandbox.url}/authentication/tokens`;
    const bare = async () => {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${auth.token}`, accept: 'application/json' },
      });
      return JSON.parse(await response.text()) as unknown;
    };
    const viaClient = () => client.listApplicationTokens(auth.token);
    // Interleaved, so drift on a shared machine hits both alike; warm-up first.
    for (let i = 0; i < 50; i++) await Promise.all([bare(), viaClient()]);
    const clientTimes: number[] = [];
    const fetchTimes: number[] = [];
    for (let i = 0; i < calls; i++) {
      let start = performance.now();
      await bare();
      fetchTimes.push(performance.now() - start);
      start = performance.now();
      await viaClient();
      clientTimes.push(performance.now() - start);
    }
    const clientMedianMs = median(clientTimes);
    const fetchMedianMs = median(fetchTimes);
    return { calls, clientMedianMs, fetchMedianMs, ratio: clientMedianMs / fetchMedianMs };
  } finally {
    await sandbox.close();
  }
}
