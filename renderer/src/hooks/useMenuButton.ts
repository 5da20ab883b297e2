import { useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that opens a lazily loaded popup (a menu or a list): its open state, its id, and the
 * props that make it one. It opens on click, and on the arrows as a menu button or a select
 * does; closing gives focus back to it.
 */
export function useMenuButton() {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const buttonProps = {
    ref: trigger,
    type: 'button' as const,
    'aria-expanded': open,
    'data-pressed': open || undefined,
    onClick: () => setOpen(true),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      // In a table row the arrows move between rows; on this button they open it.
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setOpen(true);
      }
    },
  };
  return { trigger, open, id, close, buttonProps };
}
