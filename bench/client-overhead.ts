/**
 * The client's cost over bare fetch, on the loopback sandbox: the same list call through
 * MittwaldClient (rate-limit gate and tracker, timeout, typed errors, zod-checked answer) and
 * through fetch + JSON.parse. Interleaved call by call, so drift on a shared machine hits both
 * alike; several rounds, each giving a ratio of medians, reported as their median and spread.
 */
import { MittwaldClient } from '../app/api/mittwald-client';
import { RateLimitTracker } from '../app/ratelimit/rate-limit-tracker';
import { startSandbox } from '../app/sandbox/server';
import { spread, type Spread } from './stats';

export interface OverheadResult {
  callsPerRound: number;
  /** Per round: median client time / median bare fetch time. */
  ratio: Spread;
  /** The HTTP layer alone (HttpClient.send, no schema) over bare fetch + text. */
  httpRatio: Spread;
  clientMs: Spread;
  fetchMs: Spread;
}

const median = (values: number[]) => spread(values).median;

export async function measureClientOverhead(
  callsPerRound: number,
  rounds: number,
): Promise<OverheadResult> {
  const sandbox = await startSandbox({ rateLimits: {} });
  try {
    const client = new MittwaldClient({ baseUrl: sandbox.url, tracker: new RateLimitTracker() });
    const auth = await client.authenticate({ username: 'demo', password: 'demo' });
    if (auth.status !== 'authenticated') throw new Error('second factor');
    for (let i = 0; i < 20; i++) sandbox.world.createToken('demo', `bench ${i}`);
    const url = `${sandbox.url}/authentication/tokens`;
    const init = { headers: { authorization: `Bearer ${auth.token}`, accept: 'application/json' } };
    const bareText = async () => (await fetch(url, init)).text();
    const bare = async () => JSON.parse(await bareText()) as unknown;
    const viaClient = () => client.listApplicationTokens(auth.token);
    const viaHttp = () =>
      client.http.send({ method: 'GET', path: '/authentication/tokens', token: auth.token });
    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    for (let i = 0; i < 100; i++) await Promise.all([bare(), viaClient(), viaHttp()]);

    const ratios: number[] = [];
    const httpRatios: number[] = [];
    const clientRound: number[] = [];
    const fetchRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const clientTimes: number[] = [];
      const fetchTimes: number[] = [];
      const httpTimes: number[] = [];
      const textTimes: number[] = [];
      for (let i = 0; i < callsPerRound; i++) {
        // Alternate who goes first, so neither always meets a warmer connection pool.
        if (i % 2 === 0) {
          fetchTimes.push(await time(bare));
          clientTimes.push(await time(viaClient));
          textTimes.push(await time(bareText));
          httpTimes.push(await time(viaHttp));
        } else {
          clientTimes.push(await time(viaClient));
          fetchTimes.push(await time(bare));
          httpTimes.push(await time(viaHttp));
          textTimes.push(await time(bareText));
        }
      }
      ratios.push(median(clientTimes) / median(fetchTimes));
      httpRatios.push(median(httpTimes) / median(textTimes));
      clientRound.push(median(clientTimes));
      fetchRound.push(median(fetchTimes));
    }
    return {
      callsPerRound,
      ratio: spread(ratios),
      httpRatio: spread(httpRatios),
      clientMs: spread(clientRound),
      fetchMs: spread(fetchRound),
    };
  } finally {
    await sandbox.close();
  }
}
