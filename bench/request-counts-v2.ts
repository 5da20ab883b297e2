/**
 * Requests per workflow of an mStudio (API v2) profile, counted at the sandbox, each beside its
 * floor. The baselines are scripts on the same server: a naive one that signs in with the
 * password before every call, and a fair one that holds an API token and uses it as it is.
 * v2 has no short-lived exchange, so a fair script needs exactly one request per operation;
 * where mwtokens needs more, the row says why.
 */
import { startService, type ServiceHarness } from '../app/testing/service-fixture';
import { STUDIO, v2SignedIn } from '../app/testing/v2-service-fixture';
import { counted, rowRecorder, type CountRow } from './count-rows';

const DAY = 24 * 3600_000;
const TOKENS = '/v2/users/self/api-tokens';

/** What a script does with v2's token endpoints, given a bearer for each call. */
class V2Script {
  constructor(
    private readonly origin: string,
    private readonly bearer: () => Promise<string>,
  ) {}

  private async send(method: string, path: string, body?: unknown): Promise<string> {
    const answer = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.bearer()}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return answer.text();
  }

  list = () => this.send('GET', TOKENS);
  create = async (description: string): Promise<string> => {
    const answer = await this.send('POST', TOKENS, { description, roles: ['api_read'] });
    return (JSON.parse(answer) as { token?: string }).token ?? '';
  };
  edit = (id: string) => this.send('PUT', `${TOKENS}/${id}`, { description: 'edited' });
  revoke = (id: string) => this.send('DELETE', `${TOKENS}/${id}`);
}

/** The naive script signs in with the password for every call (no second factor here). */
function naiveScript(h: ServiceHarness): V2Script {
  const origin = h.sandbox.v2.url;
  return new V2Script(origin, async () => {
    const answer = await fetch(`${origin}/v2/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: STUDIO, password: h.password }),
    });
    return ((await answer.json()) as { token: string }).token;
  });
}

/** The fair script holds an API token of its own (made outside the count) and uses it as is. */
function fairScript(h: ServiceHarness): V2Script {
  const own = h.sandbox.v2.world.createApiToken(STUDIO, {
    description: 'fair script',
    roles: ['api_read', 'api_write'],
  }).secret;
  return new V2Script(h.sandbox.v2.url, () => Promise.resolve(own));
}

/** A token a script may edit or revoke, made outside the count. */
function scriptToken(h: ServiceHarness, description: string): string {
  return h.sandbox.v2.world.createApiToken(STUDIO, {
    description,
    roles: ['api_read'],
  }).apiTokenId;
}

export async function measureV2RequestCounts(): Promise<CountRow[]> {
  const rows: CountRow[] = [];
  const h = await startService({ sandbox: { rateLimits: {}, v2: { rateLimits: {} } } });
  try {
    await v2SignedIn(h);
    const naive = naiveScript(h);
    const fair = fairScript(h);
    const add = rowRecorder<V2Script>(h, rows, () => ({ naive, fair }));

    const app = h.restart();
    await add(
      {
        workflow: 'v2: cold start (stored API token) → token list',
        target: 1,
        reason: 'the stored device token is the bearer: no sign-in',
      },
      () => app.ok('tokens:list'),
      (s) => s.list(),
    );
    let created = '';
    await add(
      {
        workflow: 'v2: create a token',
        target: 2,
        reason:
          'v2 answers a creation with the secret only: one status request learns its id, so it can be copied, renewed and revoked here',
      },
      async () =>
        (created = (await app.ok('tokens:create', { description: 'bench', roles: ['api_read'] }))
          .uuid),
      (s) => s.create('bench baseline'),
    );
    const editable = { naive: scriptToken(h, 'naive edit'), fair: scriptToken(h, 'fair edit') };
    rows.push({
      workflow: 'v2: edit a token (description, expiry)',
      target: 1,
      requests: await counted(h, () =>
        app.ok('tokens:update', {
          uuid: created,
          description: 'edited',
          expiresAt: h.clock.now + DAY,
        }),
      ),
      naive: await counted(h, () => naive.edit(editable.naive)),
      fair: await counted(h, () => fair.edit(editable.fair)),
    });
    const victims = { naive: scriptToken(h, 'naive victim'), fair: scriptToken(h, 'fair victim') };
    const stale: string[] = [];
    const revoke = await counted(h, () => app.ok('tokens:revoke', { uuid: created }));
    const listed = await counted(h, async () => {
      const list = await app.ok('tokens:list');
      if (list.uuid.includes(created)) stale.push('mwtokens');
    });
    rows.push({
      workflow: 'v2: revoke a token',
      target: 1,
      requests: revoke,
      naive: await counted(h, () => naive.revoke(victims.naive)),
      fair: await counted(h, () => fair.revoke(victims.fair)),
    });
    rows.push({
      workflow: 'v2: the list after a revoke',
      target: 1,
      requests: listed,
      naive: await counted(h, () => naive.list()),
      fair: await counted(h, () => fair.list()),
      ...(stale.length > 0 && { note: `still showed the revoked token: ${stale.join(', ')}` }),
    });
    const held = (await app.ok('tokens:create', { description: 'held' })).uuid;
    await add(
      { workflow: 'v2: copy a stored secret', target: 0 },
      () => app.ok('clipboard:copyToken', { uuid: held, format: 'raw' }),
      () => Promise.resolve(),
    );
    await add(
      {
        workflow: 'v2: renew this device’s token (create, store, revoke the old)',
        target: 3,
        reason: 'create, one status request for the new id (as for any create), revoke the old',
      },
      () => app.ok('session:renewDeviceToken'),
      async (s) => {
        const old = scriptToken(h, 'script device');
        await s.create('script device 2');
        await s.revoke(old);
      },
    );
  } finally {
    await h.close();
  }
  rows.push(await spentEndpoint());
  return rows;
}

/** A list asked for while v2 said its window is used up: the tracker sends nothing until the reset. */
async function spentEndpoint(): Promise<CountRow> {
  const h = await startService({
    sandbox: { v2: { rateLimits: { [`GET ${TOKENS}`]: { limit: 3 } } } },
  });
  try {
    await v2SignedIn(h);
    const naive = naiveScript(h);
    const fair = fairScript(h);
    // Use the window up: v2's headers say when remaining reaches 0, and when it resets.
    for (let i = 0; i < 5; i++) await h.call('tokens:list', { fresh: true });
    return {
      workflow: 'v2: token list while its rate-limit window is used up',
      target: 0,
      reason: 'the tracker sends nothing to a spent endpoint until the reset v2 announced',
      requests: await counted(h, () => h.call('tokens:list', { fresh: true })),
      naive: await counted(h, () => naive.list()),
      fair: await counted(h, () => fair.list()),
    };
  } finally {
    await h.close();
  }
}
