import { ChevronDown } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useMenuButton } from '../hooks/useMenuButton';
import { nextByLetter } from '../typeahead';

import type { SelectOption } from './SelectListPopover';

export type { SelectOption };

const SelectListPopover = lazy(() =>
  import('./SelectListPopover').then((m) => ({ default: m.SelectListPopover })),
);

/**
 * A select whose list is loaded and mounted only when it opens: the first screen carries a
 * plain button (named by its value, then its label, as react-aria's Select button is) instead
 * of the whole listbox and collection code. Enter, Space and the arrows open it, as a select.
 */
export function LightSelect<K extends string>({
  label,
  value,
  options,
  onChange,
  className,
  placeholder,
  description,
}: {
  label: string;
  value: K | undefined;
  options: SelectOption<K>[];
  onChange: (id: K) => void;
  className?: string;
  placeholder?: string;
  /** A line below the button, read with it. */
  description?: string;
}) {
  const { trigger, open, id, close, buttonProps } = useMenuButton();
  const labelId = `${id}-label`;
  const valueId = `${id}-value`;
  const selected = options.find((option) => option.id === value);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <span id={labelId} className="label">
        {label}
      </span>
      <button
        {...buttonProps}
        className="select-button"
        aria-haspopup="listbox"
        aria-labelledby={`${valueId} ${labelId}`}
        aria-describedby={description === undefined ? undefined : `${id}-description`}
        onKeyDown={(event) => {
          // Closed, it chooses by a typed letter, as a native select does.
          const letter = event.key.length === 1 && event.key !== ' ' ? event.key : undefined;
          const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
          const chosen = letter && plain ? nextByLetter(options, value, letter) : undefined;
          if (chosen !== undefined) {
            event.preventDefault();
            if (chosen !== value) onChange(chosen);
          } else buttonProps.onKeyDown(event);
        }}
      >
        <span id={valueId} className="select-value" data-placeholder={!selected || undefined}>
          {selected?.label ?? placeholder}
        </span>
        <ChevronDown size={16} aria-hidden />
      </button>
      {description !== undefined && (
        <span id={`${id}-description`} className="hint">
          {description}
        </span>
      )}
      {open && (
        // The button stays where it is while the list loads.
        <Suspense fallback={null}>
          <SelectListPopover
            triggerRef={trigger}
            labelledBy={labelId}
            options={options}
            selected={value}
            onChoose={(chosen) => {
              close();
              // The list is loaded lazily, which loses the type parameter: its keys are ours.
              if (chosen !== undefined && chosen !== value) onChange(chosen as K);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
