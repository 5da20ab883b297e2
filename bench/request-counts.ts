/**
 * Requests per workflow, counted at the sandbox, for mwtokens and for a naive client that
 * authenticates before every call (with the stored access token, as a script would).
 */
import { MittwaldClient } from '../app/api/mittwald-client';
import { RateLimitTracker } from '../app/ratelimit/rate-limit-tracker';
import { signedIn, startService, type ServiceHarness } from '../app/testing/service-fixture';

export interface CountRow {
  workflow: string;
  requests: number;
  target: number;
  naive: number;
}

const HOUR = 3600_000;

/** A client without a session: every call first authenticates with the access token. */
class NaiveClient {
  private readonly client: MittwaldClient;
  constructor(
    baseUrl: string,
    private readonly uuid: string,
    private readonly secret: string,
  ) {
    this.client = new MittwaldClient({ baseUrl, tracker: new RateLimitTracker() });
  }
  async token(): Promise<string> {
    const result = await this.client.authenticate({ username: this.uuid, password: this.secret });
    if (result.status !== 'authenticated') throw new Error('second factor');
    return result.token;
  }
  async list() {
    return this.client.listApplicationTokens(await this.token());
  }
  async create(description: string) {
    return this.client.createApplicationToken(await this.token(), description);
  }
  async revoke(uuid: string) {
    return this.client.deleteApplicationToken(await this.token(), uuid);
  }
}

async function counted(h: ServiceHarness, work: () => Promise<unknown>): Promise<number> {
  const before = h.sandbox.countRequests();
  await work();
  return h.sandbox.countRequests() - before;
}

export async function measureRequestCounts(concurrent = 50): Promise<CountRow[]> {
  const h = await startService({ sandbox: { rateLimits: {} } });
  try {
    await signedIn(h);
    const device = (await h.ok('tokens:list')).tokens.find((t) => t.isThisDevice);
    const secret =
      [...h.sandbox.world.tokens.values()].find((t) => t.uuid === device?.uuid)?.secret ?? '';
    const naive = new NaiveClient(h.sandbox.url, device?.uuid ?? '', secret);
    const rows: CountRow[] = [];
    const add = async (
      workflow: string,
      target: number,
      ours: () => Promise<unknown>,
      theirs: () => Promise<unknown>,
    ) => {
      rows.push({
        workflow,
        target,
        requests: await counted(h, ours),
        naive: await counted(h, theirs),
      });
    };

    h.clock.advance(2 * HOUR); // the cached API token has expired: a cold start
    let app = h.restart();
    await add(
      'cold start (stored access token) → token list',
      2,
      () => app.ok('tokens:list'),
      () => naive.list(),
    );
    app = h.restart();
    await add(
      'warm start (cached API token) → token list',
      1,
      () => app.ok('tokens:list'),
      () => naive.list(),
    );
    let created = '';
    await add(
      'create a token',
      1,
      async () => (created = (await app.ok('tokens:create', { description: 'bench' })).uuid),
      () => naive.create('bench naive'),
    );
    const naiveVictim = (await naive.create('naive victim')).uuid;
    await add(
      'revoke a token',
      1,
      () => app.ok('tokens:revoke', { uuid: created }),
      () => naive.revoke(naiveVictim),
    );
    await add(
      'the list after a revoke',
      1,
      () => app.ok('tokens:list'),
      () => naive.list(),
    );
    const held = (await app.ok('tokens:create', { description: 'held' })).uuid;
    await add(
      'copy a stored secret',
      0,
      () => app.ok('clipboard:copyToken', { uuid: held, format: 'raw' }),
      () => Promise.resolve(),
    );
    await add(
      'copy a fresh API token (cached one valid)',
      0,
      () => app.ok('clipboard:copyApiToken', { format: 'raw' }),
      () => naive.token(),
    );
    h.clock.advance(2 * HOUR);
    app = h.restart();
    // Copying a fresh API token needs nothing but a token: all requests here are sign-ins.
    await add(
      `${concurrent} concurrent calls needing a token`,
      1,
      () =>
        Promise.all(
          Array.from({ length: concurrent }, () =>
            app.ok('clipboard:copyApiToken', { format: 'raw' }),
          ),
        ),
      () => Promise.all(Array.from({ length: concurrent }, () => naive.token())),
    );
    return rows;
  } finally {
    await h.close();
  }
}
