import { Download } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useMenuButton } from '../hooks/useMenuButton';
import { t } from '../i18n/i18n';

const ExportMenuPopover = lazy(() =>
  import('./ExportMenuPopover').then((m) => ({ default: m.ExportMenuPopover })),
);

/** The Export button; its menu (CSV or JSON) is loaded and mounted only when it opens. */
export function ExportMenu() {
  const { trigger, open, id, close, buttonProps } = useMenuButton();
  return (
    <>
      <button {...buttonProps} id={id} aria-haspopup="menu">
        <Download size={16} aria-hidden />
        {t('export.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenuPopover triggerRef={trigger} labelledBy={id} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
