/**
 * Requests per workflow, counted at the sandbox, for mwtokens and two baselines on the same
 * server in the same run (see baseline-clients.ts): a naive script that authenticates before
 * every call, and a fair one that keeps its API token until it expires.
 */
import { signedIn, startService, type ServiceHarness } from '../app/testing/service-fixture';
import { FairClient, NaiveClient, type BaselineClient } from './baseline-clients';
import { fromColumns } from '../app/service/token-list-columns';
import { counted, rowRecorder, type CountRow } from './count-rows';

export type { CountRow };

const HOUR = 3600_000;

/** The device's own access token (uuid and secret), as a script would have stored it. */
async function deviceCredentials(h: ServiceHarness): Promise<[string, string]> {
  const device = fromColumns(await h.ok('tokens:list')).tokens.find((t) => t.isThisDevice);
  const secret =
    [...h.sandbox.world.tokens.values()].find((t) => t.uuid === device?.uuid)?.secret ?? '';
  return [device?.uuid ?? '', secret];
}

export async function measureRequestCounts(concurrent = 50): Promise<CountRow[]> {
  const rows: CountRow[] = [];
  const h = await startService({ sandbox: { rateLimits: {} } });
  try {
    await signedIn(h);
    const [uuid, secret] = await deviceCredentials(h);
    const naive = new NaiveClient(h.sandbox.url, uuid, secret);
    // A script's memory does not outlive its process: a restart makes a new one.
    const newFair = () => new FairClient(h.sandbox.url, uuid, secret, h.clock.read);
    let fair = newFair();
    const add = rowRecorder<BaselineClient>(h, rows, () => ({ naive, fair }));

    h.clock.advance(2 * HOUR); // every cached API token has expired: a cold start
    let app = h.restart();
    fair = newFair();
    await add(
      { workflow: 'cold start (stored access token) → token list', target: 2 },
      () => app.ok('tokens:list'),
      (c) => c.list(),
    );
    app = h.restart();
    fair = newFair();
    await add(
      {
        workflow: 'warm start (API token still valid) → token list',
        target: 1,
        reason: 'the API token is kept (encrypted) across restarts',
      },
      () => app.ok('tokens:list'),
      (c) => c.list(),
    );
    let created = '';
    await add(
      { workflow: 'create a token', target: 1 },
      async () => (created = (await app.ok('tokens:create', { description: 'bench' })).uuid),
      (c) => c.create('bench baseline'),
    );
    // Revoke, then list at once: per client, so each list follows that client's own revoke.
    const victims = { naive: await naive.create('naive victim'), fair: await fair.create('fair') };
    const revoke: Record<string, number> = {};
    const listed: Record<string, number> = {};
    const stale: string[] = [];
    revoke.ours = await counted(h, () => app.ok('tokens:revoke', { uuid: created }));
    listed.ours = await counted(h, async () => {
      const list = await app.ok('tokens:list');
      if (list.uuid.includes(created)) stale.push('mwtokens');
    });
    for (const [name, client] of [
      ['naive', naive],
      ['fair', fair],
    ] as const) {
      revoke[name] = await counted(h, () => client.revoke(victims[name]));
      listed[name] = await counted(h, async () => {
        const answer = await client.list();
        if (JSON.stringify(answer.body).includes(victims[name])) stale.push(name);
      });
    }
    rows.push({
      workflow: 'revoke a token',
      target: 1,
      requests: revoke.ours,
      naive: revoke.naive ?? Number.NaN,
      fair: revoke.fair ?? Number.NaN,
    });
    rows.push({
      workflow: 'the list after a revoke',
      target: 1,
      requests: listed.ours,
      naive: listed.naive ?? Number.NaN,
      fair: listed.fair ?? Number.NaN,
      reason: 'asks with Cache-Control: no-cache after a revoke (a DELETE leaves the cache)',
      ...(stale.length > 0 && {
        note: `still showed the revoked token (the server's cached list): ${stale.join(', ')}`,
      }),
    });
    const held = (await app.ok('tokens:create', { description: 'held' })).uuid;
    await add(
      { workflow: 'copy a stored secret', target: 0 },
      () => app.ok('clipboard:copyToken', { uuid: held, format: 'raw' }),
      () => Promise.resolve(),
    );
    await add(
      { workflow: 'copy a fresh API token (cached one valid)', target: 0 },
      () => app.ok('clipboard:copyApiToken', { format: 'raw' }),
      (c) => c.token(),
    );
    h.clock.advance(2 * HOUR);
    app = h.restart();
    fair = newFair();
    // Copying an API token needs nothing but a token: every request here is a sign-in.
    await add(
      {
        workflow: `${concurrent} concurrent calls needing a token (expired)`,
        target: 1,
        reason: 'one renewal shared by every call waiting for it',
      },
      () =>
        Promise.all(
          Array.from({ length: concurrent }, () =>
            app.ok('clipboard:copyApiToken', { format: 'raw' }),
          ),
        ),
      (c) => Promise.all(Array.from({ length: concurrent }, () => c.token())),
    );
  } finally {
    await h.close();
  }
  rows.push(await spentEndpoint());
  return rows;
}

/** A list asked for while its window is used up: the tracker sends nothing until the reset. */
async function spentEndpoint(): Promise<CountRow> {
  const h = await startService({
    sandbox: { rateLimits: { 'GET /authentication/tokens': { limit: 3 } } },
  });
  try {
    await signedIn(h);
    const [uuid, secret] = await deviceCredentials(h);
    const naive = new NaiveClient(h.sandbox.url, uuid, secret);
    const fair = new FairClient(h.sandbox.url, uuid, secret, h.clock.read);
    await fair.token();
    // Use the window up (the 429 that ends it is mwtokens' last request to this endpoint).
    for (let i = 0; i < 5; i++) await h.call('tokens:list', { fresh: true });
    return {
      workflow: 'token list while its rate-limit window is used up',
      target: 0,
      reason: 'the tracker sends nothing to a spent endpoint until its estimated reset',
      requests: await counted(h, () => h.call('tokens:list', { fresh: true })),
      naive: await counted(h, () => naive.list()),
      fair: await counted(h, () => fair.list()),
    };
  } finally {
    await h.close();
  }
}
