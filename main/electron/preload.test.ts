/**
 * The page finds the API as `window.mwtokens` (renderer/src reads it there), and what it gets
 * refuses strangers in words a page developer can act on.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPreloadApi } from './preload-api';

const exposed = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
  },
}));

const ipcRenderer = {
  invoke: () => Promise.resolve({ ok: true, value: null }),
  on: () => undefined,
  removeListener: () => undefined,
  send: () => undefined,
};

describe('the preload', () => {
  it('exposes the API as window.mwtokens, and nothing else', async () => {
    await import('./preload');
    expect([...exposed.keys()]).toEqual(['mwtokens']);
    expect(exposed.get('mwtokens')).toMatchObject({
      host: { kind: 'electron', persistent: true },
    });
  });

  it('an unknown channel is answered as invalid input, naming the problem', async () => {
    const api = createPreloadApi(ipcRenderer as never);
    expect(await api.invoke('fs:readFile', '/etc/passwd')).toEqual({
      ok: false,
      error: { kind: 'invalid_input', message: 'Unknown channel.' },
    });
  });

  it('subscribing needs a contract event and a function', () => {
    const api = createPreloadApi(ipcRenderer as never);
    expect(() => api.on('rateLimits:changed', 'not a function')).toThrow(
      new TypeError('on(event, listener) needs a contract event and a function'),
    );
    expect(() => api.on('ipc:anything', () => undefined)).toThrow(TypeError);
  });
});
