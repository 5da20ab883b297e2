/**
 * The page side of the preview bridge, installed with addInitScript before the renderer runs.
 * It mirrors the preload: `window.mwtokens = {host, invoke, on}`, frozen. Kept as plain source
 * text, because a TypeScript function would be compiled with helpers the page does not have.
 * `__mwtokensInvoke` and `__mwtokensSubscribe` are the host's exposeBinding functions; the
 * host hands answers to `__mwtokensAnswer` and events to `__mwtokensEmit` (host.ts).
 */
export const PAGE_BRIDGE_SOURCE = `(() => {
  const listeners = new Map();
  const pending = new Map();
  let nextId = 0;
  Object.defineProperty(window, '__mwtokensAnswer', {
    value: (id, answer) => {
      const call = pending.get(id);
      pending.delete(id);
      if (call) call.resolve(answer);
    },
  });
  Object.defineProperty(window, '__mwtokensEmit', {
    value: (event, payload) => {
      for (const listener of listeners.get(event) || []) listener(payload);
    },
  });
  const bridge = {
    host: Object.freeze({ kind: 'preview', persistent: false }),
    // The answer arrives by __mwtokensAnswer before the binding's call returns.
    invoke: (channel, input) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve });
        const unanswered = (error) => {
          if (!pending.delete(id)) return;
          reject(error || new Error('the preview host gave no answer'));
        };
        window.__mwtokensInvoke(id, channel, input).then(() => unanswered(), unanswered);
      }),
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
