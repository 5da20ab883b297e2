/**
 * The tray icon and its menu, in the app's language, with the tightest rate limit, offering a
 * fresh API token only while the selected profile speaks v1.
 */
import type { MenuItemConstructorOptions, ResizeOptions } from 'electron';
import type { ApiKind, RateLimitView } from '../../app/contract';
import type { Translate } from './locale';
import { trayIcon, trayTemplate } from './tray';

/** What the controller uses of Electron's NativeImage (which satisfies it). */
export interface TrayImage<Self> {
  setTemplateImage(option: boolean): void;
  resize(options: ResizeOptions): Self;
}

/** Electron's NativeImage, Menu and Tray in the app; stand-ins with the same behaviour in tests. */
export interface TrayDeps<Image extends TrayImage<Image>, TrayMenu> {
  platform: NodeJS.Platform;
  iconDir: string;
  makeTray: (image: Image) => {
    setToolTip(toolTip: string): void;
    setContextMenu(menu: TrayMenu | null): void;
  };
  loadImage: (path: string) => Image;
  buildMenu: (template: MenuItemConstructorOptions[]) => TrayMenu;
  actions: { copyApiToken: () => void; show: () => void; quit: () => void };
}

export class TrayController<Image extends TrayImage<Image>, TrayMenu> {
  private readonly tray: ReturnType<TrayDeps<Image, TrayMenu>['makeTray']>;
  private limits: readonly RateLimitView[] = [];
  private api: ApiKind | undefined;

  constructor(
    private readonly deps: TrayDeps<Image, TrayMenu>,
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

  /** The selected profile's API: v2 has no fresh API token to copy. */
  setApi(api: ApiKind | undefined): void {
    this.api = api;
    this.render();
  }

  /** A new menu each time: on Linux a changed menu shows only once set again. */
  private render(): void {
    this.tray.setContextMenu(
      this.deps.buildMenu(trayTemplate(this.limits, this.t, this.deps.actions, this.api)),
    );
  }
}
