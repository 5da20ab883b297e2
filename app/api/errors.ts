/**
 * Every way a call to the API can fail, as a closed union of kinds. Messages are for people
 * and never contain a secret (no tokens, no passwords, no request bodies).
 */
import { API_ERROR_KINDS } from '../contract-names';

export { API_ERROR_KINDS };

export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

export interface ApiErrorDetails {
  /** HTTP status, when the server answered. */
  status?: number;
  /** `METHOD /path/{template}` of the request that failed. */
  endpoint?: string;
  /** rate_limited: when the client expects the endpoint to accept requests again (epoch ms). */
  resetAt?: number;
  /** bad_response: which fields did not fit, by path and expectation (never values). */
  issues?: string[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly endpoint: string | undefined;
  readonly resetAt: number | undefined;
  readonly issues: string[] | undefined;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.endpoint = details.endpoint;
    this.resetAt = details.resetAt;
    this.issues = details.issues;
  }
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

/** The kind and a person's message for an HTTP status the server answered with. */
export function errorForStatus(status: number, endpoint: string): ApiError {
  const details = { status, endpoint };
  if (status === 401)
    return new ApiError('unauthorized', 'The server did not accept the credentials.', details);
  if (status === 403)
    return new ApiError('forbidden', 'This account is not allowed to do that.', details);
  if (status === 404) return new ApiError('not_found', 'The server does not know that.', details);
  if (status >= 500)
    return new ApiError('server', `The server failed (HTTP ${status}). Try again later.`, details);
  return new ApiError('rejected', `The server rejected the request (HTTP ${status}).`, details);
}
