import type { RefObject } from 'react';
import { ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { SelectOption } from './LightSelect';

/**
 * A light select's list (react-aria's ListBox in a popover), loaded on first open. Focus starts
 * on the chosen option; choosing, Escape or a click outside closes it (`undefined`: nothing chosen).
 */
export function SelectListPopover<K extends string>({
  triggerRef,
  labelledBy,
  options,
  selected,
  onChoose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  labelledBy: string;
  options: SelectOption<K>[];
  selected: K | undefined;
  onChoose: (chosen: K | undefined) => void;
}) {
  return (
    <Popover
      className="popover select-popover"
      triggerRef={triggerRef}
      aria-labelledby={labelledBy}
      placement="bottom start"
      isOpen
      onOpenChange={(open) => !open && onChoose(undefined)}
    >
      <ListBox
        className="list-box"
        aria-labelledby={labelledBy}
        selectionMode="single"
        selectedKeys={selected === undefined ? [] : [selected]}
        autoFocus
        shouldFocusWrap
        onSelectionChange={(keys) => {
          // Choosing the chosen option again deselects it: that is a choice of the same.
          const [key] = keys === 'all' ? [] : [...keys];
          onChoose(key === undefined ? selected : (key as K));
        }}
      >
        {options.map((option) => (
          <ListBoxItem key={option.id} id={option.id} className="menu-item">
            {option.label}
          </ListBoxItem>
        ))}
      </ListBox>
    </Popover>
  );
}
