/**
 * The one entry for both hosts: channel name and input arrive as `unknown`, are checked
 * against the contract, run, and answer as the result envelope. Nothing is thrown across.
 */
import { ApiError } from '../api/errors';
import { channels, isChannelName, type ErrorView, type Result } from '../contract';
import { ServiceError } from './service-error';
import type { TokenManager } from './token-manager';

export type Log = (line: string) => void;

export async function dispatch(
  manager: TokenManager,
  channel: unknown,
  input: unknown,
  log: Log = () => undefined,
): Promise<Result<unknown>> {
  if (!isChannelName(channel))
    return { ok: false, error: { kind: 'invalid_input', message: 'Unknown channel.' } };
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    return {
      ok: false,
      error: {
        kind: 'invalid_input',
        message: `The request was not valid (${details.join('; ')}).`,
      },
    };
  }
  try {
    const handler = manager.handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const view = toErrorView(error);
    // Never log inputs or values: the kind and the channel say enough.
    if (view.kind === 'internal')
      log(`${channel}: internal error (${error instanceof Error ? error.name : typeof error})`);
    return { ok: false, error: view };
  }
}

export function toErrorView(error: unknown): ErrorView {
  if (error instanceof ApiError)
    return {
      kind: error.kind,
      message: error.message,
      ...(error.resetAt !== undefined && { resetAt: error.resetAt }),
    };
  if (error instanceof ServiceError) return { kind: error.kind, message: error.message };
  return { kind: 'internal', message: 'Something went wrong inside the app.' };
}
