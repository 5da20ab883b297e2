/**
 * What the bench installs in the page (plain source text: the node-side type check has no DOM).
 * Keydown and click timestamps (the starts of keystroke and dialog timings), the Event Timing
 * entries of keydowns, and a mark once a dialog that appeared has been painted.
 */
export const PAGE_PROBES = `(() => {
  const bench = { keydowns: [], clicks: [], events: [] };
  window.__bench = bench;
  addEventListener('keydown', (e) => bench.keydowns.push(e.timeStamp), true);
  addEventListener('click', (e) => bench.clicks.push(e.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'keydown') bench.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16 });
  const selector = '[role="dialog"], [role="alertdialog"]';
  let shown = false;
  new MutationObserver(() => {
    const present = document.querySelector(selector) !== null;
    if (present && !shown)
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => performance.mark('bench:dialog-painted');
        channel.port2.postMessage(undefined);
      });
    shown = present;
  }).observe(document.body, { childList: true, subtree: true });
})()`;

/** The page time of the largest paint so far (the first screen, before any input). */
export const LARGEST_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? NaN))
    .observe({ type: 'largest-contentful-paint', buffered: true });
})`;
