import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiErrorKind } from '../api/errors';
import type { SandboxFault } from '../sandbox/faults';
import { DEFAULT_V2_RATE_LIMITS } from '../sandbox/v2/mount';
import type { SessionTokens } from './v2-client';
import {
  currentCode,
  startV2Harness,
  STUDIO_DEMO,
  STUDIO_MFA,
  studioSession,
  type V2Harness,
} from './v2-harness';

// Every fault the sandbox can inject, against every v2 operation, over real HTTP: each ends in a
// result or a typed ApiError of the expected kind, and the sandbox counts exactly the requests
// the rules allow: reads sent again once after a transient failure, writes (POST, PUT, DELETE)
// never. The budgets are raised so that the set-up of 110 cases does not run into them.
let h: V2Harness;
beforeAll(async () => {
  const generous = Object.fromEntries(
    Object.keys(DEFAULT_V2_RATE_LIMITS).map((route) => [route, { limit: 100_000 }]),
  );
  h = await startV2Harness({ v2: { rateLimits: generous } }, { timeoutMs: 300 });
});
afterAll(() => h.sandbox.close());

/** Fresh for every case: a session (refresh and logout spend theirs) and a victim token. */
let session: SessionTokens;
let victim = '';

interface Operation {
  route: string;
  /** Whether a GET: reads are retried once, writes never. */
  read: boolean;
  /** What the client reads of the answer: a JSON object, a list (null = empty), nothing (204). */
  body: 'object' | 'list' | 'none';
  prepare?: () => Promise<unknown>;
  run: () => Promise<unknown>;
}

const TOKENS = '/v2/users/self/api-tokens';
const ONE = `${TOKENS}/{apiTokenId}`;

const operations: Record<string, Operation> = {
  authenticate: {
    route: 'POST /v2/authenticate',
    read: false,
    body: 'object',
    run: () => h.client.authenticate(STUDIO_DEMO),
  },
  authenticateMfa: {
    route: 'POST /v2/authenticate-mfa',
    read: false,
    body: 'object',
    prepare: () => h.client.authenticate(STUDIO_MFA),
    run: () => h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: currentCode(h.clock) }),
  },
  refreshSession: {
    route: 'PUT /v2/users/self/sessions',
    read: false,
    body: 'object',
    run: () => h.client.refreshSession(session),
  },
  logout: {
    route: 'PUT /v2/logout',
    read: false,
    body: 'none',
    run: () => h.client.logout(session.token),
  },
  sessionStatus: {
    route: 'GET /v2/users/self/sessions/current/status',
    read: true,
    body: 'object',
    run: () => h.client.sessionStatus(session.token),
  },
  listApiTokens: {
    route: `GET ${TOKENS}`,
    read: true,
    body: 'list',
    run: () => h.client.listApiTokens(session.token),
  },
  createApiToken: {
    route: `POST ${TOKENS}`,
    read: false,
    body: 'object',
    run: () =>
      h.client.createApiToken(session.token, { description: 'matrix', roles: ['api_read'] }),
  },
  getApiToken: {
    route: `GET ${ONE}`,
    read: true,
    body: 'object',
    run: () => h.client.getApiToken(session.token, victim),
  },
  updateApiToken: {
    route: `PUT ${ONE}`,
    read: false,
    body: 'none',
    run: () =>
      h.client.updateApiToken(session.token, victim, { description: 'x', expiresAt: undefined }),
  },
  deleteApiToken: {
    route: `DELETE ${ONE}`,
    read: false,
    body: 'none',
    run: () => h.client.deleteApiToken(session.token, victim),
  },
};

type Expected = 'ok' | ApiErrorKind;

function expected(fault: SandboxFault, op: Operation): Expected {
  switch (fault.kind) {
    case 'delay':
      return 'timeout';
    case 'status':
      if (op.read && [502, 503, 504].includes(fault.status)) return 'ok';
      return fault.status >= 500 ? 'server' : 'rejected';
    case 'reset':
    case 'commit_then_drop':
      return op.read ? 'ok' : 'network';
    case 'malformed_json':
    case 'wrong_types':
      return op.body === 'none' ? 'ok' : 'bad_response';
    case 'null_body':
      return op.body === 'object' ? 'bad_response' : 'ok';
    case 'crdate_number':
      return 'ok';
    case 'rate_limited':
      return 'rate_limited';
  }
}

const faults: SandboxFault[] = [
  { kind: 'delay', ms: 600 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 504 },
  { kind: 'malformed_json' },
  { kind: 'null_body' },
  { kind: 'wrong_types' },
  { kind: 'reset' },
  { kind: 'commit_then_drop' },
  // Retry-After keeps the endpoint blocked for a second only, so the next case can use it.
  { kind: 'rate_limited', retryAfter: '1' },
];

describe.each(Object.entries(operations))('%s', (_name, op) => {
  it.each(
    faults.map(
      (fault) => [fault.kind === 'status' ? `HTTP ${fault.status}` : fault.kind, fault] as const,
    ),
  )('under %s', async (_label, fault) => {
    h.sandbox.faults.clear();
    session = await studioSession(h.client);
    const { token: secret } = await h.client.createApiToken(session.token, {
      description: 'victim',
      roles: ['api_read'],
    });
    victim = (await h.client.sessionStatus(secret)).tokenId;
    await op.prepare?.();
    h.sandbox.faults.add(op.route, fault, 1);
    const before = h.sandbox.countRequests(op.route);
    const outcome = await op.run().then(
      () => 'ok' as const,
      (error: unknown) => {
        if (error instanceof ApiError) return error;
        throw error;
      },
    );
    expect(outcome === 'ok' ? 'ok' : outcome.kind).toBe(expected(fault, op));
    if (outcome !== 'ok') {
      expect(outcome.endpoint).toBe(op.route);
      for (const known of [session.token, session.refreshToken, secret, STUDIO_DEMO.password])
        expect(outcome.message).not.toContain(known);
    }
    const sent = h.sandbox.countRequests(op.route) - before;
    const transient =
      fault.kind === 'reset' ||
      fault.kind === 'commit_then_drop' ||
      (fault.kind === 'status' && fault.status !== 500);
    if (fault.kind === 'delay') {
      // The sandbox logs a delayed request when it answers, after the client gave up: wait for
      // that (once, never again: a timeout is not retried), or it lands in a later case's count.
      await vi.waitFor(() => expect(h.sandbox.countRequests(op.route) - before).toBe(1), {
        timeout: 3_000,
        interval: 20,
      });
    } else expect(sent).toBe(op.read && transient ? 2 : 1);
    h.sandbox.faults.clear();
    h.clock.advance(1_000);
  });
});

describe('v2 writes are never retried blindly', () => {
  it('a create whose answer is lost was committed once, and only once', async () => {
    session = await studioSession(h.client);
    h.sandbox.faults.add(`POST ${TOKENS}`, { kind: 'commit_then_drop' });
    await expect(
      h.client.createApiToken(session.token, { description: 'lost answer', roles: ['api_read'] }),
    ).rejects.toMatchObject({ kind: 'network' });
    const list = await h.client.listApiTokens(session.token);
    expect(list.filter((t) => t.description === 'lost answer')).toHaveLength(1);
  });

  it('a refresh whose answer is lost has spent the pair: the next refresh is unauthorized', async () => {
    session = await studioSession(h.client);
    h.sandbox.faults.add('PUT /v2/users/self/sessions', { kind: 'commit_then_drop' });
    await expect(h.client.refreshSession(session)).rejects.toMatchObject({ kind: 'network' });
    await expect(h.client.refreshSession(session)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
