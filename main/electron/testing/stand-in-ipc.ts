/** ipcMain as Electron 45 has it: `on` adds listeners, `handle` takes one handler per channel. */
import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ExtraMembers, OnlyReal } from './stand-in-event';

const handlersOf = new WeakMap<StandInIpcMain, Map<string, (...args: never[]) => unknown>>();

/** ipcMain: `on` adds a listener (EventEmitter), `handle` refuses a second handler per channel. */
export class StandInIpcMain extends EventEmitter {
  constructor() {
    super();
    handlersOf.set(this, new Map());
  }

  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void {
    const handlers = handlersOf.get(this);
    if (handlers?.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers?.set(channel, listener);
  }

  removeHandler(channel: string): void {
    handlersOf.get(this)?.delete(channel);
  }
}

/** Calls a channel's handler as Electron would on an `ipcRenderer.invoke`. */
export async function invokeHandler(
  ipc: StandInIpcMain,
  channel: string,
  event: unknown,
  ...args: unknown[]
): Promise<unknown> {
  const handler = handlersOf.get(ipc)?.get(channel) as
    ((event: unknown, ...args: unknown[]) => unknown) | undefined;
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return await handler(event, ...args);
}

export const handledChannels = (ipc: StandInIpcMain) => [...(handlersOf.get(ipc)?.keys() ?? [])];

// Compile-time: the stand-in offers nothing ipcMain lacks.
export type IpcStandInOnlyReal = OnlyReal<ExtraMembers<StandInIpcMain, IpcMain>>;
