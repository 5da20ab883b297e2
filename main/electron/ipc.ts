/**
 * One loop over the contract: a handler per channel that checks the sender, then hands the
 * input to dispatch (which parses it with the channel's schema). Events go to the window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, isEventName, type EventName, type Result } from '../../app/contract';
import { dispatch } from '../../app/service/dispatch';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import type { TokenManager } from '../../app/service/token-manager';

export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

type IpcMainApi = Pick<IpcMain, 'handle' | 'removeHandler'>;
type Sender = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Only our own window's top frame, loaded from app://, may call. */
export function isTrustedSender(event: Sender, trustedIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!trustedIds.has(event.sender.id)) return false;
  try {
    // Compared by parts: Node's URL gives custom schemes the origin "null". `host` includes a
    // port, so app://mwtokens:1/ is refused; so are credentials (app://x@mwtokens/).
    const url = new URL(frame.url);
    return (
      url.protocol === `${APP_SCHEME}:` &&
      url.host === APP_HOST &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

const REFUSED: Result<never> = {
  ok: false,
  error: { kind: 'forbidden', message: 'This window may not use mwtokens.' },
};

export function registerIpc(
  ipcMain: IpcMainApi,
  manager: TokenManager,
  trustedIds: ReadonlySet<number>,
  log: (line: string) => void,
): void {
  for (const channel of CHANNEL_NAMES) {
    // Register once: a second set-up (reload, tests) replaces instead of doubling.
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, trustedIds)) {
        // The sender's URL only; never the payload.
        log(`refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return REFUSED;
      }
      return dispatch(manager, channel, input, log);
    });
  }
}

/** The one message the preload sends: "deliver this event to me", answered snapshot first. */
export const SUBSCRIBE_CHANNEL = 'events:subscribe';

type SubscribeEvent = Sender & {
  sender: Pick<WebContents, 'id' | 'send' | 'isDestroyed' | 'once'>;
};
/** ipcMain's listener side (declared here: Electron's `on` returns IpcMain itself). */
interface IpcMainEvents {
  on(channel: string, listener: (event: SubscribeEvent, name: unknown) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

/** Per window and event one subscription; a repeated request re-delivers the snapshot. */
export function registerEventSubscriptions(
  ipcMain: IpcMainEvents,
  manager: TokenManager,
  trustedIds: ReadonlySet<number>,
  log: (line: string) => void,
): void {
  const byWindow = new Map<number, Map<EventName, () => void>>();
  ipcMain.removeAllListeners(SUBSCRIBE_CHANNEL);
  ipcMain.on(SUBSCRIBE_CHANNEL, (event: SubscribeEvent, name: unknown) => {
    if (!isTrustedSender(event, trustedIds) || !isEventName(name)) {
      log(`refused an event subscription from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return;
    }
    const contents = event.sender;
    let subscriptions = byWindow.get(contents.id);
    if (!subscriptions) {
      const created = new Map<EventName, () => void>();
      byWindow.set(contents.id, created);
      contents.once('destroyed', () => {
        for (const stop of created.values()) stop();
        byWindow.delete(contents.id);
      });
      subscriptions = created;
    }
    subscriptions.get(name)?.();
    subscriptions.set(
      name,
      manager.on(name, (payload) => {
        if (!contents.isDestroyed()) contents.send(name, payload);
      }),
    );
  });
}
