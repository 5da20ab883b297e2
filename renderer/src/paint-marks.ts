/**
 * Performance marks for `npm run bench`, taken once the frame showing a change was painted:
 * called during the commit (a layout effect), it waits for the next frame's callbacks, and a
 * message posted there is handled only after that frame's style, layout and paint.
 */
export function markPainted(name: string): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark(name);
      channel.port1.close();
    };
    channel.port2.postMessage(undefined);
  });
}
