/** The tray menu: copy a fresh API token of the current profile; the tightest limit at a glance. */
import type { MenuItemConstructorOptions } from 'electron';
import type { RateLimitView } from '../../app/contract';

export function tightestLabel(limits: readonly RateLimitView[]): string {
  const worst = [...limits].sort(
    (a, b) => a.remaining / Math.max(1, a.limit) - b.remaining / Math.max(1, b.limit),
  )[0];
  return worst
    ? `${worst.endpoint}: ${worst.remaining} of ${worst.limit} left`
    : 'No rate limits seen yet';
}

export function trayTemplate(
  limits: readonly RateLimitView[],
  actions: { copyApiToken: () => void; show: () => void; quit: () => void },
): MenuItemConstructorOptions[] {
  return [
    { label: 'Copy Fresh API Token', click: actions.copyApiToken },
    { label: tightestLabel(limits), enabled: false },
    { type: 'separator' },
    { label: 'Show mwtokens', click: actions.show },
    { label: 'Quit', click: actions.quit },
  ];
}
