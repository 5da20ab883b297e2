/**
 * What dispatch answers for each way a call can go: an unknown channel, an input that does not
 * fit (saying where, at most three places), a handler's success, and each kind of failure, with
 * only unexpected failures logged, by channel and error name, never a value.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { dispatch, toErrorView } from './dispatch';
import { ServiceError } from './service-error';
import type { TokenManager } from './token-manager';

/** A manager whose handlers record what they were given and answer as scripted. */
function managerWith(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const received: [string, unknown][] = [];
  const handlers = new Proxy(
    {},
    {
      get: (_target, channel: string) => (input: unknown) => {
        received.push([channel, input]);
        return answer(channel, input);
      },
    },
  );
  return { manager: { handlers } as unknown as TokenManager, received };
}

const failingWith = (error: unknown) =>
  managerWith(() => {
    // A handler may throw anything, not only Errors.
    throw error;
  });

describe('dispatch', () => {
  it('an unknown channel never reaches a handler', async () => {
    const { manager, received } = managerWith(() => Promise.resolve('ran'));
    expect(await dispatch(manager, 'tokens:drop', {})).toEqual({
      ok: false,
      error: { kind: 'invalid_input', message: 'Unknown channel.' },
    });
    expect(received).toEqual([]);
  });

  it('an input that does not fit never reaches a handler; the answer says where it did not fit', async () => {
    const { manager, received } = managerWith(() => Promise.resolve('ran'));
    const nested = await dispatch(manager, 'tokens:revokeMany', { uuids: [42] });
    expect(nested).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid_input',
        message: expect.stringMatching(/^The request was not valid \(uuids\.0: .+\)\.$/) as unknown,
      },
    });
    const whole = await dispatch(manager, 'tokens:revokeMany', 'not an object');
    expect(whole).toMatchObject({
      error: {
        message: expect.stringMatching(/^The request was not valid \(input: .+\)\.$/) as unknown,
      },
    });
    expect(received).toEqual([]);
  });

  it('names at most three problems, separated so they can be read', async () => {
    const { manager } = managerWith(() => Promise.resolve('ran'));
    const result = await dispatch(manager, 'settings:set', {
      clipboardClearSeconds: 'a',
      theme: 1,
      language: 2,
      defaultProfileId: 3,
    });
    if (result.ok) throw new Error('expected a refusal');
    const inside = /^The request was not valid \((.*)\)\.$/.exec(result.error.message)?.[1] ?? '';
    const parts = inside.split('; ');
    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.split(':')[0])).toEqual([
      'clipboardClearSeconds',
      'theme',
      'language',
    ]);
  });

  it('hands the handler the parsed input and answers its value', async () => {
    const { manager, received } = managerWith((_channel, input) =>
      Promise.resolve({ echoed: input }),
    );
    expect(await dispatch(manager, 'settings:set', { theme: 'dark' })).toEqual({
      ok: true,
      value: { echoed: { theme: 'dark' } },
    });
    expect(received).toEqual([['settings:set', { theme: 'dark' }]]);
  });

  it('an API failure travels as data, with its reset time when it has one', async () => {
    const limited = new ApiError('rate_limited', 'Rate limit used up.', { resetAt: 1_234 });
    expect(await dispatch(failingWith(limited).manager, 'app:ping', undefined)).toEqual({
      ok: false,
      error: { kind: 'rate_limited', message: 'Rate limit used up.', resetAt: 1_234 },
    });
    const refused = new ApiError('forbidden', 'Not allowed.', { status: 403 });
    const answer = await dispatch(failingWith(refused).manager, 'app:ping', undefined);
    expect(answer).toEqual({ ok: false, error: { kind: 'forbidden', message: 'Not allowed.' } });
    expect(answer.ok || 'resetAt' in answer.error).toBe(false);
  });

  it('a service failure travels as data and is not logged', async () => {
    const log: string[] = [];
    const error = new ServiceError('vault_unreadable', 'Left untouched.');
    expect(
      await dispatch(failingWith(error).manager, 'app:ping', undefined, (l) => log.push(l)),
    ).toEqual({
      ok: false,
      error: { kind: 'vault_unreadable', message: 'Left untouched.' },
    });
    const api = new ApiError('network', 'Offline.');
    await dispatch(failingWith(api).manager, 'app:ping', undefined, (l) => log.push(l));
    expect(log).toEqual([]);
  });

  it('anything else is an internal error: logged by channel and error name, never its message', async () => {
    const log: string[] = [];
    const secretish = new TypeError('MW_secret_in_a_message');
    expect(
      await dispatch(failingWith(secretish).manager, 'app:ping', undefined, (l) => log.push(l)),
    ).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong inside the app.' },
    });
    await dispatch(failingWith('MW_thrown_string').manager, 'app:ping', undefined, (l) =>
      log.push(l),
    );
    expect(log).toEqual([
      'app:ping: internal error (TypeError)',
      'app:ping: internal error (string)',
    ]);
  });

  it('without a log sink an internal error is still answered', async () => {
    expect(
      await dispatch(failingWith(new Error('x')).manager, 'app:ping', undefined),
    ).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('toErrorView', () => {
  it('keeps a reset time of zero', () => {
    expect(toErrorView(new ApiError('rate_limited', 'now', { resetAt: 0 }))).toEqual({
      kind: 'rate_limited',
      message: 'now',
      resetAt: 0,
    });
  });
});
