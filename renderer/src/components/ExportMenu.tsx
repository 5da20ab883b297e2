import { Download } from 'lucide-react';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { t } from '../i18n/i18n';

const ExportMenuPopover = lazy(() =>
  import('./ExportMenuPopover').then((m) => ({ default: m.ExportMenuPopover })),
);

/** The Export button; its menu (CSV or JSON) is loaded and mounted only when it opens. */
export function ExportMenu() {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        ref={trigger}
        id={id}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-pressed={open || undefined}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Download size={16} aria-hidden />
        {t('export.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenuPopover
            triggerRef={trigger}
            labelledBy={id}
            onClose={() => {
              setOpen(false);
              trigger.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
