/**
 * What the preload exposes as `window.mwtokens`: invoke and on for the contract's channels and
 * events only, nothing else of ipcRenderer. Kept apart from preload.ts so it can be tested.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Result } from '../../app/contract';
import { isChannelName, isEventName } from '../../app/contract-names';

type IpcRendererApi = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>;

/** Must match SUBSCRIBE_CHANNEL in ipc.ts (the preload bundle stays free of main's code). */
const SUBSCRIBE_CHANNEL = 'events:subscribe';

export function createPreloadApi(ipcRenderer: IpcRendererApi) {
  return {
    host: { kind: 'electron', persistent: true } as const,
    invoke(channel: unknown, input?: unknown): Promise<Result<unknown>> {
      if (!isChannelName(channel))
        return Promise.resolve({
          ok: false,
          error: { kind: 'invalid_input', message: 'Unknown channel.' },
        });
      return ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;
    },
    on(event: unknown, listener: unknown): () => void {
      if (!isEventName(event) || typeof listener !== 'function')
        throw new TypeError('on(event, listener) needs a contract event and a function');
      // The IPC event object (with its sender) never reaches the page: payload only.
      const wrapper = (_event: IpcRendererEvent, payload: unknown) =>
        (listener as (payload: unknown) => void)(payload);
      ipcRenderer.on(event, wrapper);
      // Asks main for this event, which answers with the current snapshot first.
      ipcRenderer.send(SUBSCRIBE_CHANNEL, event);
      return () => {
        ipcRenderer.removeListener(event, wrapper);
      };
    },
  };
}
