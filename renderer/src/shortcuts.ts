import type { UiCommand } from '../../app/contract';
import type { MessageKey } from './i18n/en';

export type ShortcutAction = UiCommand | 'copySelected' | 'focusTable';

export interface Shortcut {
  action: ShortcutAction;
  /** As shown to people; "Mod" is Ctrl, or ⌘ on a Mac. */
  keys: string[];
  label: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'newToken', keys: ['N', 'Mod+N'], label: 'shortcut.newToken' },
  { action: 'search', keys: ['/', 'Mod+F'], label: 'shortcut.search' },
  { action: 'refresh', keys: ['R', 'Mod+R'], label: 'shortcut.refresh' },
  { action: 'focusTable', keys: ['T'], label: 'shortcut.focusTable' },
  { action: 'copySelected', keys: ['C'], label: 'shortcut.copy' },
  { action: 'copyApiToken', keys: ['Mod+Shift+C'], label: 'shortcut.copyApiToken' },
  { action: 'revokeSelected', keys: ['Delete'], label: 'shortcut.revoke' },
  { action: 'settings', keys: ['Mod+,'], label: 'shortcut.settings' },
  { action: 'help', keys: ['?'], label: 'shortcut.help' },
];

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

export function displayKeys(keys: string): string {
  return keys.replace('Mod', isMac() ? '⌘' : 'Ctrl');
}

const NOT_TYPED_INTO = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/**
 * Where a plain key is text being typed (so it is no shortcut). A select, native or ours (a
 * button with a list), takes letters too: they choose an option.
 */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INTO.has(target.type);
  if (target.getAttribute('aria-haspopup') === 'listbox') return true;
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The action a key press asks for, if any. Plain keys do nothing while typing in a field. */
export function actionFor(event: KeyboardEvent): ShortcutAction | undefined {
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod && event.shiftKey && key === 'c') return 'copyApiToken';
  if (mod && !event.shiftKey && !event.altKey) {
    if (key === 'n') return 'newToken';
    if (key === 'f') return 'search';
    if (key === 'r') return 'refresh';
    if (key === ',') return 'settings';
    // Not Mod+Backspace: in a text field that deletes a word, and must never revoke.
    return undefined;
  }
  if (isEditable(event.target)) return undefined;
  // By the character, not the key: "?" is Shift+/ in the US, Shift+ß in Germany, and needs
  // AltGr (reported as Ctrl+Alt) on some layouts.
  if (event.key === '?' && !event.metaKey) return 'help';
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (event.key === '/') return 'search';
  if (key === 'n') return 'newToken';
  if (key === 'r') return 'refresh';
  if (key === 'c') return 'copySelected';
  if (key === 't') return 'focusTable';
  if (event.key === 'Delete') return 'revokeSelected';
  return undefined;
}

/**
 * Commands that are a plain key or an editing key in the page (?, Delete, Backspace): in a
 * text field those keys type or delete, so the same command from the host's menu is refused.
 */
const TYPING_COMMANDS: ReadonlySet<UiCommand> = new Set(['help', 'revokeSelected']);

/**
 * Whether a command from the host's menu may run now: the same rules as keys in the page.
 * Nothing while a modal dialog, menu or list is open; typing commands not in a text field.
 */
export function commandAllowed(command: UiCommand, focused: Element | null): boolean {
  if (dialogOpen()) return false;
  return !(TYPING_COMMANDS.has(command) && isEditable(focused));
}

/** Modal dialogs, menus and list pop-ups own the keyboard while open (toasts do not). */
export function dialogOpen(): boolean {
  return document.querySelector('.overlay, [role="menu"], [role="listbox"]') !== null;
}
