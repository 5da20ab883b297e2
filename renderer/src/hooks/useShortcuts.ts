import { useEffect, useRef } from 'react';
import { subscribe } from '../bridge';
import { actionFor, commandAllowed, dialogOpen, type ShortcutAction } from '../shortcuts';

/** Runs handlers for key presses and for the host's menu commands (the same actions). */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen()) return;
      const action = actionFor(event);
      const handler = action && current.current[action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    // The host's menu fires even while a dialog is open or a field has focus: same rules.
    const stop = subscribe('ui:command', ({ command }) => {
      if (commandAllowed(command, document.activeElement)) current.current[command]?.();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, []);
}
