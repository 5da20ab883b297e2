import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, channels, ERROR_KINDS, type ChannelName } from '../contract';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { dispatch } from './dispatch';

// Random payloads on every channel: each answer is a valid envelope (never a throw, never an
// "internal" error), and a rejected input leaves the stored files exactly as they were.
// A harness per test: the set-up leak-checks and closes every harness after its test, so one
// shared across tests would serve the later ones closed (its sandbox stopped).
async function ready(): Promise<ServiceHarness> {
  const h = await startService();
  await signedIn(h);
  await h.ok('tokens:create', { description: 'kept' });
  return h;
}

const RUNS = 1_000;
const envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      kind: z.enum(ERROR_KINDS),
      message: z.string().min(1),
      resetAt: z.number().optional(),
    }),
  }),
]);

/** The keys a channel's input object knows, so payloads often reach the deeper checks. */
function keysOf(channel: ChannelName): string[] {
  let schema: z.ZodType = channels[channel].input;
  if (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function payloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const keys = keysOf(channel);
  const value = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.boolean(),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 5 }),
    fc.uuid(),
  );
  const shaped =
    keys.length === 0
      ? fc.anything()
      : fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), value, {
          maxKeys: keys.length + 1,
        });
  return fc.oneof(fc.anything(), shaped, fc.constant(undefined));
}

describe.each(CHANNEL_NAMES)('%s', (channel) => {
  it(`answers ${RUNS} random payloads with a typed envelope; rejected ones change nothing stored`, async () => {
    const h = await ready();
    await fc.assert(
      fc.asyncProperty(payloads(channel), async (payload) => {
        const before = h.storeFiles();
        const result = await dispatch(h.manager, channel, payload);
        expect(envelope.safeParse(result).success).toBe(true);
        if (!result.ok) expect(result.error.kind).not.toBe('internal');
        if (!result.ok && result.error.kind === 'invalid_input')
          expect(h.storeFiles()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});

it('an unknown channel is a typed error', async () => {
  const h = await ready();
  for (const name of ['nope', '__proto__', 'constructor', 42, null]) {
    expect(await dispatch(h.manager, name, undefined)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  }
});
