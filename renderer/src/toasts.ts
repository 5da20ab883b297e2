import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';
import type { ErrorView } from '../../app/contract';
import type { MessageKey } from './i18n/en';
import type { Params } from './i18n/i18n';

/**
 * What a toast says, kept as a key (or an error) rather than a finished string, so an open
 * toast is said anew in the other language when the language changes.
 */
export type Phrase =
  | { key: MessageKey; params?: Params }
  | { error: ErrorView }
  /** Text from the server or the core that has no translation (shown as it came). */
  | { text: string };

export interface ToastMessage {
  title: Phrase;
  description?: Phrase;
}

/** One queue for the whole app. One toast at a time: they never stack over the window. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 1 });

/** Toasts are short confirmations; the clipboard has its own indicator, not a toast. */
export function showToast(message: ToastMessage, timeout = 4000): void {
  toastQueue.add(message, { timeout });
}
