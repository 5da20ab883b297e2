/**
 * Exit codes, one per failure a script may want to tell apart, and the message for stderr.
 * Messages come from our typed errors, which never carry a secret; anything else is named by
 * its type only.
 */
import { ApiError } from '../api/errors';
import { ServiceError } from '../service/service-error';

export const EXIT = {
  ok: 0,
  /** Anything not below: the server refused the request, an unexpected answer. */
  failed: 1,
  usage: 2,
  notSignedIn: 3,
  unknownProfile: 4,
  keychain: 5,
  store: 6,
  rateLimited: 7,
  network: 8,
  /** The command does not apply to the profile's API (a fresh API token of a v2 profile). */
  notForThisApi: 9,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI itself found (no profile, not signed in …), with its exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Failure {
  code: ExitCode;
  message: string;
}

export function describeFailure(error: unknown, clock: () => number = Date.now): Failure {
  if (error instanceof CliError) return { code: error.code, message: error.message };
  if (error instanceof ApiError) return apiFailure(error, clock);
  if (error instanceof ServiceError) {
    const code =
      error.kind === 'storage_refused'
        ? EXIT.keychain
        : error.kind === 'vault_unreadable' || error.kind === 'storage_failed'
          ? EXIT.store
          : error.kind === 'not_signed_in'
            ? EXIT.notSignedIn
            : error.kind === 'network'
              ? EXIT.network
              : EXIT.failed;
    return { code, message: error.message };
  }
  // Never the message of an error we do not know: it could hold anything.
  return {
    code: EXIT.failed,
    message: `unexpected failure (${error instanceof Error ? error.name : typeof error})`,
  };
}

function apiFailure(error: ApiError, clock: () => number): Failure {
  switch (error.kind) {
    case 'rate_limited': {
      const resetAt = error.resetAt ?? clock();
      const seconds = Math.max(0, Math.ceil((resetAt - clock()) / 1000));
      return {
        code: EXIT.rateLimited,
        message: `${error.message} (reset at ${new Date(resetAt).toISOString()}, in ${seconds} s)`,
      };
    }
    case 'network':
    case 'timeout':
    case 'server':
      return { code: EXIT.network, message: error.message };
    case 'unauthorized':
      return {
        code: EXIT.notSignedIn,
        message: `${error.message} The stored sign-in was not accepted: sign in again in the app.`,
      };
    default:
      return { code: EXIT.failed, message: error.message };
  }
}
