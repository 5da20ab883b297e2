import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SandboxFault } from '../sandbox/faults';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { ApiError, type ApiErrorKind } from './errors';

// Every fault the sandbox can inject, against every operation: each ends in a result or a
// typed ApiError of the expected kind, never in anything else.
let harness: Harness;
let token: string;
beforeAll(async () => {
  harness = await startHarness({}, { timeoutMs: 300 });
  token = await demoToken(harness.client);
});
afterAll(() => harness.sandbox.close());

interface Operation {
  route: string;
  /** Whether a GET: reads are retried once, writes never. */
  read: boolean;
  run: () => Promise<unknown>;
}

const operations: Record<string, Operation> = {
  authenticate: {
    route: 'POST /authenticate',
    read: false,
    run: () => harness.client.authenticate({ username: 'demo', password: 'demo' }),
  },
  listApplicationTokens: {
    route: 'GET /authentication/tokens',
    read: true,
    run: () => harness.client.listApplicationTokens(token, { fresh: true }),
  },
  createApplicationToken: {
    route: 'POST /authentication/tokens',
    read: false,
    run: () => harness.client.createApplicationToken(token, 'matrix'),
  },
  deleteApplicationToken: {
    route: 'DELETE /authentication/tokens/{uuid}',
    read: false,
    // The victim is made fresh before each case (the fault is armed on DELETE only).
    run: () => harness.client.deleteApplicationToken(token, victim),
  },
  getSelf: {
    route: 'GET /authentication/self',
    read: true,
    run: () => harness.client.getSelf(token, { fresh: true }),
  },
  renewApiToken: {
    route: 'GET /authentication/accesstoken',
    read: true,
    run: () => harness.client.renewApiToken(token),
  },
};
let victim = '';

type Expected = 'ok' | ApiErrorKind;

/** What each fault must become, per operation; reads retry 502/503/resets once and succeed. */
function expected(fault: SandboxFault, name: string, op: Operation): Expected {
  const bodyIgnored = name === 'deleteApplicationToken';
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
      return bodyIgnored ? 'ok' : 'bad_response';
    case 'null_body':
      return bodyIgnored || name === 'listApplicationTokens' ? 'ok' : 'bad_response';
    case 'wrong_types':
      return bodyIgnored ? 'ok' : 'bad_response';
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
  { kind: 'malformed_json' },
  { kind: 'null_body' },
  { kind: 'wrong_types' },
  { kind: 'crdate_number' },
  { kind: 'reset' },
  { kind: 'commit_then_drop' },
  // Retry-After keeps the endpoint blocked for a second only, so the next case can use it.
  { kind: 'rate_limited', retryAfter: '1' },
];

describe.each(Object.entries(operations))('%s', (name, op) => {
  it.each(
    faults.map(
      (fault) => [fault.kind === 'status' ? `HTTP ${fault.status}` : fault.kind, fault] as const,
    ),
  )('under %s', async (_label, fault) => {
    // Data for the list to break, and a fresh victim for DELETE.
    victim = (await harness.client.createApplicationToken(token, 'victim')).uuid;
    harness.sandbox.faults.clear();
    harness.sandbox.faults.add(op.route, fault, 1);
    const before = harness.sandbox.countRequests(op.route);
    const outcome = await op.run().then(
      () => 'ok' as const,
      (error: unknown) => {
        if (error instanceof ApiError) return error;
        throw error;
      },
    );
    const want = expected(fault, name, op);
    expect(outcome === 'ok' ? 'ok' : outcome.kind).toBe(want);
    if (outcome !== 'ok') {
      expect(outcome.endpoint).toBe(op.route);
      expect(outcome.message).not.toContain(token);
    }
    const sent = harness.sandbox.countRequests(op.route) - before;
    // Reads are sent again after a reset, a lost answer, or a 502/503: two requests.
    const transient =
      fault.kind === 'reset' ||
      fault.kind === 'commit_then_drop' ||
      (fault.kind === 'status' && fault.status !== 500);
    const retried = op.read && transient;
    if (fault.kind === 'delay') {
      // A delayed request is logged when the sandbox answers, after the client gave up: wait for
      // that (once: a timeout is not retried), or it lands in a later case's count.
      await vi.waitFor(() => expect(harness.sandbox.countRequests(op.route) - before).toBe(1), {
        timeout: 3_000,
        interval: 20,
      });
    } else expect(sent).toBe(retried ? 2 : 1);
    harness.sandbox.faults.clear();
    harness.clock.advance(1_000);
  });
});

describe('writes are never retried blindly', () => {
  it('a create whose answer is lost was committed once, and only once', async () => {
    const description = 'lost answer';
    harness.sandbox.faults.add('POST /authentication/tokens', { kind: 'commit_then_drop' });
    await expect(harness.client.createApplicationToken(token, description)).rejects.toMatchObject({
      kind: 'network',
    });
    const list = await harness.client.listApplicationTokens(token, { fresh: true });
    expect(list.value.filter((t) => t.description === description)).toHaveLength(1);
  });
});
