/** The tray icon and its menu, in the app's language, with the tightest rate limit. */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { RateLimitView } from '../../app/contract';
import type { Translate } from './locale';
import { trayIcon, trayTemplate } from './tray';

export interface TrayDeps {
  platform: NodeJS.Platform;
  iconDir: string;
  makeTray: (image: NativeImage) => Tray;
  loadImage: (path: string) => NativeImage;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  actions: { copyApiToken: () => void; show: () => void; quit: () => void };
}

export class TrayController {
  private readonly tray: Tray;
  private limits: readonly RateLimitView[] = [];

  constructor(
    private readonly deps: TrayDeps,
    private t: Translate,
  ) {
    const icon = trayIcon(deps.platform, deps.iconDir);
    let image = deps.loadImage(icon.path);
    if (icon.template) image.setTemplateImage(true);
    if (icon.size) image = image.resize({ width: icon.size, height: icon.size });
    this.tray = deps.makeTray(image);
    this.tray.setToolTip('mwtokens');
    this.render();
  }

  setLimits(limits: readonly RateLimitView[]): void {
    this.limits = limits;
    this.render();
  }

  setLanguage(t: Translate): void {
    this.t = t;
    this.render();
  }

  private render(): void {
    this.tray.setContextMenu(
      this.deps.buildMenu(trayTemplate(this.limits, this.t, this.deps.actions)),
    );
  }
}
