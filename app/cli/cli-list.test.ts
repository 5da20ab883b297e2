/**
 * `mwtokens list` asks the server past its cache: a token just revoked in the app must not
 * come back in a script's list.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';
import { EXIT } from './exit-codes';
import { cli } from './testing/cli-runner';

describe('mwtokens list', () => {
  it('asks for the token list with cache-control: no-cache', async () => {
    const h = await startService();
    await signedIn(h);
    const asked: { url: string; cacheControl: string | null }[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      asked.push({ url: request.url, cacheControl: request.headers.get('cache-control') });
      return fetch(input, init);
    };
    const run = await cli(h, ['list'], { fetch: recording });
    expect(run.code).toBe(EXIT.ok);
    const lists = asked.filter((a) => new URL(a.url).pathname.endsWith('/authentication/tokens'));
    expect(lists).toHaveLength(1);
    expect(lists[0]?.cacheControl).toBe('no-cache');
  });
});
