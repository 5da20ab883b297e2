import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

export interface ToastMessage {
  title: string;
  description?: string;
  /** Counts down to this time (epoch ms) in the toast. */
  countdownTo?: number;
}

/** One queue for the whole app; any component may add to it. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 });

export function showToast(message: ToastMessage, timeout = 6000): void {
  toastQueue.add(message, { timeout });
}
