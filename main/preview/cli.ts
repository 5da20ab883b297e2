/** `npm run preview`: the whole app in a headed Chromium window, on the sandbox. */
import { PREVIEW_TITLE, startPreview } from './host';

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
}

if (!hasDisplay()) {
  console.error('mwtokens preview needs a display, and none is set (DISPLAY / WAYLAND_DISPLAY).');
  console.error(
    'On a machine without one, run it under a virtual display: xvfb-run npm run preview',
  );
  process.exit(1);
}

const host = await startPreview({ headless: false });
console.log(
  `mwtokens ${PREVIEW_TITLE}. Sandbox at ${host.sandbox.url} (demo / demo). Close the window to quit.`,
);
const quit = () => void host.close().then(() => process.exit(0));
host.page.on('close', quit);
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
