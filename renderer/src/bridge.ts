/** The renderer's one typed client over `window.mwtokens`, derived from the contract. */
import type {
  Bridge,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  ErrorView,
  EventName,
  EventPayloads,
  HostInfo,
} from '../../app/contract';

declare global {
  interface Window {
    mwtokens?: Bridge;
  }
}

/** A failed call, carrying the contract's error view for the UI to explain. */
export class CallError extends Error {
  constructor(readonly view: ErrorView) {
    super(view.message);
  }
}

function bridge(): Bridge {
  const found = window.mwtokens;
  if (!found)
    throw new CallError({
      kind: 'internal',
      message: 'This page runs outside mwtokens: there is no bridge.',
    });
  return found;
}

export function hasBridge(): boolean {
  return window.mwtokens !== undefined;
}

export function hostInfo(): HostInfo {
  return window.mwtokens?.host ?? { kind: 'preview', persistent: false };
}

/** Calls a channel; resolves with its value or rejects with a CallError. */
export async function call<C extends ChannelName>(
  channel: C,
  ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]
): Promise<ChannelOutput<C>> {
  const result = await bridge().invoke(channel, input[0]);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  return bridge().on(event, listener);
}

export function errorView(error: unknown): ErrorView {
  if (error instanceof CallError) return error.view;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
