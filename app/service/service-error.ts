import type { ErrorKind } from '../contract';

/** A failure of this app (not of the server): a kind from the contract and a person's message. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}
