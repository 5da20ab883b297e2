import { useEffect, useRef, type RefObject } from 'react';
import { ListBox, ListBoxItem, Popover } from 'react-aria-components';

/** An option of a LightSelect (declared here: the lazily loaded list is the one reading it). */
export interface SelectOption<K extends string> {
  id: K;
  label: string;
}

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
  const list = useRef<HTMLDivElement>(null);
  // Opened again (its code already loaded), react-aria can leave focus on the list itself:
  // focus then goes to the chosen option, as on the first opening.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const box = list.current;
      if (!box || document.activeElement !== box) return;
      const options = box.querySelectorAll<HTMLElement>('[role="option"]');
      const chosen = box.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
      (chosen ?? options[0])?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
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
        ref={list}
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
