import { ChevronDown } from 'lucide-react';
import { lazy, Suspense, useId, useRef, useState } from 'react';

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
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  const labelId = `${id}-label`;
  const valueId = `${id}-value`;
  const selected = options.find((option) => option.id === value);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <span id={labelId} className="label">
        {label}
      </span>
      <button
        ref={trigger}
        type="button"
        className="select-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-labelledby={`${valueId} ${labelId}`}
        aria-describedby={description === undefined ? undefined : `${id}-description`}
        data-pressed={open || undefined}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
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
              setOpen(false);
              trigger.current?.focus();
              // The list is loaded lazily, which loses the type parameter: its keys are ours.
              if (chosen !== undefined && chosen !== value) onChange(chosen as K);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
