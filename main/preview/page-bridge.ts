/**
 * The page side of the preview bridge, installed with addInitScript before the renderer runs.
 * It mirrors the preload: `window.mwtokens = {host, invoke, on}`, frozen. Kept as plain source
 * text, because a TypeScript function would be compiled with helpers the page does not have.
 * `__mwtokensInvoke` and `__mwtokensSubscribe` are the host's exposeBinding functions.
 */
export const PAGE_BRIDGE_SOURCE = `(() => {
  const listeners = new Map();
  Object.defineProperty(window, '__mwtokensEmit', {
    value: (event, payload) => {
      for (const listener of listeners.get(event) || []) listener(payload);
    },
  });
  const bridge = {
    host: Object.freeze({ kind: 'preview', persistent: false }),
    // The host answers with JSON text (see host.ts): one string crosses faster than objects.
    invoke: (channel, input) => window.__mwtokensInvoke(channel, input).then((text) => JSON.parse(text)),
    on: (event, listener) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const set = listeners.get(event) || new Set();
      listeners.set(event, set);
      // A fresh wrapper per subscription, so unsubscribing removes exactly this one.
      const wrapper = (payload) => listener(payload);
      set.add(wrapper);
      window.__mwtokensSubscribe(event);
      return () => { set.delete(wrapper); };
    },
  };
  Object.defineProperty(window, 'mwtokens', { value: Object.freeze(bridge) });
})();`;
