import type { ReactElement } from 'react';
import { displayKeys } from '../shortcuts';

/**
 * A tip naming the keyboard shortcut of the button it wraps, on hover or keyboard focus. Drawn
 * by CSS (no tooltip component on the first screen); the button itself states its shortcut to
 * assistive technology with aria-keyshortcuts, so the tip is decoration.
 */
export function ShortcutHint({
  label,
  keys,
  children,
}: {
  label: string;
  keys: string;
  children: ReactElement;
}) {
  return (
    <span className="shortcut-tip" data-tip={`${label}  ${displayKeys(keys)}`}>
      {children}
    </span>
  );
}
