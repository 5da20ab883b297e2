import type { ReactElement } from 'react';
import { Tooltip, TooltipTrigger } from 'react-aria-components';
import { displayKeys } from '../shortcuts';

/** A tooltip naming the keyboard shortcut of the button it wraps. */
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
    <TooltipTrigger delay={500}>
      {children}
      <Tooltip className="popover tooltip" placement="bottom">
        {label} <kbd>{displayKeys(keys)}</kbd>
      </Tooltip>
    </TooltipTrigger>
  );
}
