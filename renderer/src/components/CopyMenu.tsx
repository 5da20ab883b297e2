import { Copy } from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import type { CopyFormat } from '../../../app/contract';
import { useMenuButton } from '../hooks/useMenuButton';
import { RowIcon } from './RowIcons';

import type { CopyKind } from './CopyMenuPopover';

export type { CopyKind };

const CopyMenuPopover = lazy(() =>
  import('./CopyMenuPopover').then((m) => ({ default: m.CopyMenuPopover })),
);

/**
 * A button opening the copy formats; disabled with the reason said when not possible. A plain
 * button (every table row has one): the menu is loaded and mounted only when it opens.
 */
export function CopyMenu({
  label,
  kind,
  onCopy,
  disabledReason,
  children,
}: {
  label: string;
  kind: CopyKind;
  onCopy: (format: CopyFormat) => void;
  disabledReason?: string;
  children?: ReactNode;
}) {
  const { trigger, open, id, close, buttonProps } = useMenuButton();
  const className = children ? undefined : 'quiet icon';
  // The icon-only button is a table row's: it shows the table's drawn-once icon.
  const icon = children ? <Copy size={16} aria-hidden /> : <RowIcon name="copy" />;
  if (disabledReason !== undefined) {
    // A disabled button takes no focus: the wrapper does, and says why (a tip on hover/focus).
    return (
      <span
        tabIndex={0}
        aria-label={`${label}: ${disabledReason}`}
        className="disabled-wrap"
        data-tip={disabledReason}
      >
        <button type="button" className={className} aria-label={label} disabled>
          {icon}
          {children}
        </button>
      </span>
    );
  }
  return (
    <>
      <button
        {...buttonProps}
        id={id}
        className={className}
        aria-label={label}
        aria-haspopup="menu"
      >
        {icon}
        {children}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CopyMenuPopover
            triggerRef={trigger}
            labelledBy={id}
            label={label}
            kind={kind}
            onCopy={onCopy}
            onClose={close}
          />
        </Suspense>
      )}
    </>
  );
}
