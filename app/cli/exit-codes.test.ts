/**
 * The exit code and stderr message a script gets for every kind of failure: the mapping a
 * script's `case $?` relies on, and messages that never repeat an unknown error's text.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { ServiceError } from '../service/service-error';
import { CliError, describeFailure, EXIT } from './exit-codes';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const clock = () => NOW;

describe('describeFailure', () => {
  it('a CliError keeps its own code and message', () => {
    const error = new CliError(EXIT.unknownProfile, 'no profile “x”');
    expect(error).toBeInstanceOf(Error);
    expect(describeFailure(error, clock)).toEqual({
      code: EXIT.unknownProfile,
      message: 'no profile “x”',
    });
  });

  it.each([
    ['storage_refused', EXIT.keychain],
    ['vault_unreadable', EXIT.store],
    ['storage_failed', EXIT.store],
    ['not_signed_in', EXIT.notSignedIn],
    ['network', EXIT.network],
    ['invalid_input', EXIT.failed],
    ['internal', EXIT.failed],
    ['secret_not_held', EXIT.failed],
  ] as const)('the app’s failure %s exits %i with its message', (kind, code) => {
    expect(describeFailure(new ServiceError(kind as never, `service says ${kind}`), clock)).toEqual(
      { code, message: `service says ${kind}` },
    );
  });

  it.each([
    ['network', EXIT.network],
    ['timeout', EXIT.network],
    ['server', EXIT.network],
    ['forbidden', EXIT.failed],
    ['not_found', EXIT.failed],
    ['rejected', EXIT.failed],
    ['bad_response', EXIT.failed],
  ] as const)('the API’s failure %s exits %i with its message', (kind, code) => {
    expect(describeFailure(new ApiError(kind, `api says ${kind}`), clock)).toEqual({
      code,
      message: `api says ${kind}`,
    });
  });

  it('a refused sign-in exits 3 and tells to sign in again in the app', () => {
    expect(describeFailure(new ApiError('unauthorized', 'Not accepted.'), clock)).toEqual({
      code: EXIT.notSignedIn,
      message: 'Not accepted. The stored sign-in was not accepted: sign in again in the app.',
    });
  });

  it('rate limited exits 7 and says when it resets, in whole seconds rounded up', () => {
    const error = new ApiError('rate_limited', 'Too many requests.', { resetAt: NOW + 1_500 });
    expect(describeFailure(error, clock)).toEqual({
      code: EXIT.rateLimited,
      message: 'Too many requests. (reset at 2026-01-01T12:00:01.500Z, in 2 s)',
    });
  });

  it('rate limited with a reset already past, or unknown, says 0 s rather than a negative wait', () => {
    const past = new ApiError('rate_limited', 'Slow down.', { resetAt: NOW - 5_000 });
    expect(describeFailure(past, clock).message).toBe(
      'Slow down. (reset at 2026-01-01T11:59:55.000Z, in 0 s)',
    );
    const unknown = new ApiError('rate_limited', 'Slow down.');
    expect(describeFailure(unknown, clock)).toEqual({
      code: EXIT.rateLimited,
      message: 'Slow down. (reset at 2026-01-01T12:00:00.000Z, in 0 s)',
    });
  });

  it('an error of unknown type exits 1, named by its type only, never by its message', () => {
    const odd = new TypeError('detail-that-must-not-be-echoed');
    expect(describeFailure(odd, clock)).toEqual({
      code: EXIT.failed,
      message: 'unexpected failure (TypeError)',
    });
    expect(describeFailure('a thrown string', clock)).toEqual({
      code: EXIT.failed,
      message: 'unexpected failure (string)',
    });
    expect(describeFailure(undefined, clock).message).toBe('unexpected failure (undefined)');
  });

  it('the exit codes scripts match on stay as documented', () => {
    expect(EXIT).toEqual({
      ok: 0,
      failed: 1,
      usage: 2,
      notSignedIn: 3,
      unknownProfile: 4,
      keychain: 5,
      store: 6,
      rateLimited: 7,
      network: 8,
      notForThisApi: 9,
    });
  });
});
