/**
 * Event subscriptions and refusals over the typed Electron stand-ins: a stranger or an unknown
 * event name is refused and logged (its URL, never the payload), a repeated subscription does not
 * double delivery, each window gets its own events, and a destroyed window gets nothing more.
 */
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../app/contract';
import type { TokenManager } from '../../app/service/token-manager';
import { registerEventSubscriptions, registerIpc, SUBSCRIBE_CHANNEL } from './ipc';
import { invokeHandler, StandInIpcMain } from './testing/stand-in-ipc';
import { StandInWebContents } from './testing/stand-in-windows';

type Listener = (payload: unknown) => void;

/** A manager that only has events: emit() delivers to whoever subscribed through `on`. */
function eventSource() {
  const listeners = new Map<string, Set<Listener>>();
  const manager = {
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => void set.delete(listener as Listener);
    },
  };
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const count = (event: EventName) => listeners.get(event)?.size ?? 0;
  return { manager: manager as unknown as TokenManager, emit, count };
}

/** Web contents whose `send` is recorded in `sent` (beside the object, as the stand-ins want). */
function recordingContents(sent: [number, string, unknown][]) {
  return new (class extends StandInWebContents {
    override send(channel: string, ...args: unknown[]): void {
      super.send(channel, ...args);
      sent.push([this.id, channel, args[0]]);
    }
  })();
}

/** A main frame (no parent) at the given URL, as far as the sender check reads it. */
const topFrame = (url: string) =>
  ({ url, parent: null }) satisfies Pick<WebFrameMain, 'url' | 'parent'> as unknown as WebFrameMain;

function subscribeEvent(contents: StandInWebContents, frame: WebFrameMain | null) {
  return { sender: contents, senderFrame: frame };
}

function setUp() {
  const ipc = new StandInIpcMain();
  const source = eventSource();
  const sent: [number, string, unknown][] = [];
  const log: string[] = [];
  const a = recordingContents(sent);
  const b = recordingContents(sent);
  registerEventSubscriptions(ipc, source.manager, new Set([a.id, b.id]), (line) => log.push(line));
  const subscribe = (contents: StandInWebContents, name: unknown, url = 'app://mwtokens/') =>
    ipc.emit(SUBSCRIBE_CHANNEL, subscribeEvent(contents, topFrame(url)), name);
  return { ipc, ...source, sent, log, a, b, subscribe };
}

describe('event subscriptions', () => {
  it('a repeated subscription replaces the earlier one: each event arrives once', () => {
    const { a, subscribe, emit, count, sent } = setUp();
    subscribe(a, 'tokens:changed');
    subscribe(a, 'tokens:changed');
    expect(count('tokens:changed')).toBe(1);
    emit('tokens:changed', { n: 1 });
    expect(sent).toEqual([[a.id, 'tokens:changed', { n: 1 }]]);
  });

  it('each window gets its own events; one destroyed window stops only its own', () => {
    const { a, b, subscribe, emit, count, sent } = setUp();
    subscribe(a, 'tokens:changed');
    subscribe(a, 'session:changed');
    subscribe(b, 'tokens:changed');
    emit('tokens:changed', 1);
    emit('session:changed', 2);
    expect(sent).toEqual([
      [a.id, 'tokens:changed', 1],
      [b.id, 'tokens:changed', 1],
      [a.id, 'session:changed', 2],
    ]);
    a.close();
    expect(count('tokens:changed')).toBe(1);
    expect(count('session:changed')).toBe(0);
    emit('tokens:changed', 3);
    emit('session:changed', 4);
    expect(sent.slice(3)).toEqual([[b.id, 'tokens:changed', 3]]);
  });

  it('a window that subscribes again after a reload is still cleaned up when destroyed', () => {
    const { a, subscribe, count } = setUp();
    subscribe(a, 'tokens:changed');
    subscribe(a, 'profiles:changed');
    a.close();
    expect(count('tokens:changed') + count('profiles:changed')).toBe(0);
  });

  it('nothing is sent to a window that is already destroyed', () => {
    const { a, subscribe, emit, sent } = setUp();
    subscribe(a, 'tokens:changed');
    // Destroyed without its `destroyed` event having been handled yet.
    a.removeAllListeners('destroyed');
    a.close();
    expect(() => emit('tokens:changed', 1)).not.toThrow();
    expect(sent).toEqual([]);
  });

  it('a stranger is refused and logged by its URL, and gets nothing', () => {
    const { ipc, manager, subscribe, emit, count, sent, log } = setUp();
    const stranger = recordingContents(sent);
    subscribe(stranger, 'tokens:changed', 'https://evil.example/');
    ipc.emit(SUBSCRIBE_CHANNEL, subscribeEvent(stranger, null), 'tokens:changed');
    emit('tokens:changed', 1);
    expect(count('tokens:changed')).toBe(0);
    expect(sent).toEqual([]);
    expect(log).toEqual([
      'refused an event subscription from https://evil.example/',
      'refused an event subscription from an unknown frame',
    ]);
    expect(manager).toBeDefined();
  });

  it('an event name outside the contract is refused, even from our own window', () => {
    const { a, subscribe, count, log } = setUp();
    subscribe(a, 'tokens:secret');
    subscribe(a, { toString: () => 'tokens:changed' });
    expect(count('tokens:changed')).toBe(0);
    expect(log).toEqual([
      'refused an event subscription from app://mwtokens/',
      'refused an event subscription from app://mwtokens/',
    ]);
  });

  it('setting up twice leaves one listener on the subscribe channel', () => {
    const { ipc, manager } = setUp();
    registerEventSubscriptions(ipc, manager, new Set(), () => undefined);
    expect(ipc.listenerCount(SUBSCRIBE_CHANNEL)).toBe(1);
  });
});

describe('invoke refusals', () => {
  it('a call from a frame Electron no longer knows is refused and logged as unknown', async () => {
    const ipc = new StandInIpcMain();
    const { manager } = eventSource();
    const log: string[] = [];
    registerIpc(ipc, manager, new Set([1]), (line) => log.push(line));
    const event = { sender: new StandInWebContents(), senderFrame: null };
    expect(
      await invokeHandler(ipc, 'app:ping', event as unknown as IpcMainInvokeEvent, undefined),
    ).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: 'This window may not use mwtokens.' },
    });
    expect(log).toEqual(['refused app:ping from an unknown frame']);
  });
});
