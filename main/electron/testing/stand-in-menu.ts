/**
 * Menu, MenuItem and Tray as Electron 45 has them (lib/browser/api/menu.ts, menu-item.ts), as far
 * as the tray uses them: `buildFromTemplate` refuses an item with neither label, role nor the
 * separator type (TypeError), folds adjacent separators and drops those at the edges; an item's
 * `click` reaches the template's as `(menuItem, focusedWindow, event)`. A tray shows the menu it
 * was last given, as it was then: on Linux a menu changed afterwards is not shown until set again.
 */
import type {
  KeyboardEvent,
  Menu,
  MenuItem,
  MenuItemConstructorOptions,
  NativeImage,
  ResizeOptions,
  Tray,
} from 'electron';
import type { ExtraMembers, OnlyReal } from './stand-in-event';

export class StandInMenuItem {
  readonly label: string;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly type: NonNullable<MenuItemConstructorOptions['type']>;
  readonly role: MenuItemConstructorOptions['role'];
  readonly click: (event: KeyboardEvent) => void;

  constructor(options: MenuItemConstructorOptions) {
    this.label = options.label ?? '';
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.role = options.role;
    const click = options.click;
    this.click = (event) => click?.(this as unknown as MenuItem, undefined, event);
  }
}

export class StandInMenu {
  readonly items: StandInMenuItem[];

  private constructor(items: StandInMenuItem[]) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemConstructorOptions[]): StandInMenu {
    const valid = template.every(
      (item) =>
        Object.prototype.hasOwnProperty.call(item, 'label') ||
        Object.prototype.hasOwnProperty.call(item, 'role') ||
        item.type === 'separator',
    );
    if (!valid)
      throw new TypeError(
        'Invalid template for MenuItem: must have at least one of label, role or type',
      );
    const separator = (item: MenuItemConstructorOptions | undefined) =>
      item?.visible !== false && item?.type === 'separator';
    const folded = template.filter((item, i) => !separator(item) || !separator(template[i - 1]));
    const trimmed = folded.filter(
      (item, i) => !separator(item) || (i !== 0 && i !== folded.length - 1),
    );
    return new StandInMenu(trimmed.map((item) => new StandInMenuItem(item)));
  }
}

/** What the tray shows, for tests to look at (beside the stand-ins, as for windows). */
export interface TrayWorld {
  /** The image the tray was made with. */
  image: ImageFacts | undefined;
  toolTip: string | undefined;
  /** The items of the menu last set, as they were when it was set; null: no menu. */
  contextMenu: readonly StandInMenuItem[] | null;
}

export interface ImageFacts {
  path: string;
  template: boolean;
  size: ResizeOptions | undefined;
}

export function trayWorld(): TrayWorld {
  return { image: undefined, toolTip: undefined, contextMenu: null };
}

/** What a stand-in image is, kept beside it: the real NativeImage has no path to read. */
const facts = new WeakMap<StandInImage, ImageFacts>();

/** A nativeImage from a file: resize answers a new image, setTemplateImage marks this one. */
export class StandInImage {
  constructor(path: string) {
    facts.set(this, { path, template: false, size: undefined });
  }
  setTemplateImage(option: boolean): void {
    const own = facts.get(this);
    if (own) own.template = option;
  }
  isTemplateImage(): boolean {
    return facts.get(this)?.template ?? false;
  }
  resize(options: ResizeOptions): StandInImage {
    const own = facts.get(this);
    const image = new StandInImage(own?.path ?? '');
    facts.set(image, { path: own?.path ?? '', template: own?.template ?? false, size: options });
    return image;
  }
}

export class StandInTray {
  readonly #world: TrayWorld;

  constructor(world: TrayWorld, image: StandInImage) {
    this.#world = world;
    world.image = { ...(facts.get(image) ?? { path: '', template: false, size: undefined }) };
  }

  setToolTip(toolTip: string): void {
    this.#world.toolTip = toolTip;
  }

  setContextMenu(menu: StandInMenu | null): void {
    this.#world.contextMenu = menu ? [...menu.items] : null;
  }
}

/** The labels a user sees in the tray's menu (separators and hidden items left out). */
export function trayLabels(world: TrayWorld): string[] {
  return (world.contextMenu ?? [])
    .filter((item) => item.visible && item.type !== 'separator')
    .map((item) => item.label);
}

/** The user picks an item of the tray's menu: only a visible, enabled one can be picked. */
export function pickTrayItem(world: TrayWorld, label: string): void {
  const item = world.contextMenu?.find((i) => i.label === label && i.visible);
  if (!item) throw new Error(`the tray menu shows no item "${label}"`);
  if (!item.enabled) throw new Error(`the tray menu item "${label}" is disabled`);
  item.click({});
}

// Compile-time: the stand-ins offer nothing the real classes lack.
export type MenuItemStandInOnlyReal = OnlyReal<ExtraMembers<StandInMenuItem, MenuItem>>;
export type MenuStandInOnlyReal = OnlyReal<ExtraMembers<StandInMenu, Menu>>;
export type TrayStandInOnlyReal = OnlyReal<ExtraMembers<StandInTray, Tray>>;
export type ImageStandInOnlyReal = OnlyReal<ExtraMembers<StandInImage, NativeImage>>;
