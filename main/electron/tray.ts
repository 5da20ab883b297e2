/**
 * The tray: copy a fresh API token of the current profile (v1 only: a v2 token is used as it
 * is); the tightest limit at a glance.
 */
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiKind, RateLimitView } from '../../app/contract';
import type { Translate } from './locale';
import { offersFreshApiToken } from './menu';

export function tightestLabel(limits: readonly RateLimitView[], t: Translate): string {
  const worst = [...limits].sort(
    (a, b) => a.remaining / Math.max(1, a.limit) - b.remaining / Math.max(1, b.limit),
  )[0];
  return worst
    ? t('tray.limit', { endpoint: worst.endpoint, remaining: worst.remaining, limit: worst.limit })
    : t('tray.noLimits');
}

export function trayTemplate(
  limits: readonly RateLimitView[],
  t: Translate,
  actions: { copyApiToken: () => void; show: () => void; quit: () => void },
  api: ApiKind | undefined,
): MenuItemConstructorOptions[] {
  return [
    ...(offersFreshApiToken(api)
      ? [{ label: t('tray.copyApiToken'), click: () => actions.copyApiToken() }]
      : []),
    { label: tightestLabel(limits, t), enabled: false },
    { type: 'separator' },
    { label: t('tray.show'), click: actions.show },
    { label: t('tray.quit'), click: actions.quit },
  ];
}

/**
 * The tray icon. macOS: a template image (black on transparent; the "Template" suffix makes
 * nativeImage mark it, and the @2x file beside it is picked up for Retina), which the menu bar
 * tints for light and dark. Windows: an .ico drawn at 16 to 48 px (build/make-tray-ico.mjs), from
 * which Windows takes the size its notification area wants at the current scaling; a PNG scaled
 * down to 16 px would blur at anything above 100 %. Linux: the app icon, scaled down.
 */
export function trayIcon(
  platform: NodeJS.Platform,
  dir: string,
): { path: string; template: boolean; size?: number } {
  if (platform === 'darwin') return { path: join(dir, 'trayTemplate.png'), template: true };
  if (platform === 'win32') return { path: join(dir, 'tray.ico'), template: false };
  return { path: join(dir, 'icon.png'), template: false, size: 22 };
}
