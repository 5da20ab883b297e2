import { useId } from 'react';

export interface RadioCard<K extends string> {
  value: K;
  title: string;
  hint: string;
}

/**
 * A group of native radio buttons drawn as cards (title and hint), for the sign-in screen:
 * the browser gives the arrow keys and the checked state, so the first screen carries no
 * radio-group code. The hint describes its radio.
 */
export function RadioCards<K extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: K;
  options: RadioCard<K>[];
  onChange: (value: K) => void;
}) {
  const id = useId();
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} className="radio-group">
      <span id={`${id}-label`} className="label">
        {label}
      </span>
      {options.map((option) => (
        <label
          key={option.value}
          className="radio"
          data-selected={option.value === value || undefined}
        >
          <input
            type="radio"
            className="visually-hidden"
            name={id}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            aria-describedby={`${id}-${option.value}`}
          />
          <span className="dot" aria-hidden />
          <span>
            <strong>{option.title}</strong>
            <div id={`${id}-${option.value}`} className="hint">
              {option.hint}
            </div>
          </span>
        </label>
      ))}
    </div>
  );
}
