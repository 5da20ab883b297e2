import type { RefObject } from 'react';
import { Menu, MenuItem, Popover, Text } from 'react-aria-components';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { showToast } from '../toasts';

type ExportFormat = 'csv' | 'json';
const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/**
 * Saves the token inventory (never a secret) as a download: the preview's browser saves it,
 * and Electron shows its save dialog for a download by default.
 */
async function exportTokens(format: ExportFormat): Promise<void> {
  try {
    const file = await call('tokens:export', { format });
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started from the click; the URL is released once it has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    showToast({ title: { key: 'export.done', params: { fileName: file.fileName } } });
  } catch (caught) {
    showToast({ title: { error: errorView(caught) } }, 8000);
  }
}

/** The export formats' menu, loaded and mounted when the Export button is first pressed. */
export function ExportMenuPopover({
  triggerRef,
  labelledBy,
  onClose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The button's id: the menu is named after it, as a menu button's menu is. */
  labelledBy: string;
  onClose: () => void;
}) {
  return (
    <Popover
      className="popover copy-popover"
      triggerRef={triggerRef}
      aria-labelledby={labelledBy}
      placement="bottom start"
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Menu
        className="menu"
        aria-label={t('export.menu')}
        aria-labelledby={labelledBy}
        autoFocus="first"
        onAction={(key) => {
          onClose();
          void exportTokens(key as ExportFormat);
        }}
      >
        {EXPORT_FORMATS.map((format) => (
          <MenuItem
            key={format}
            id={format}
            className="menu-item copy-item"
            textValue={t(`export.${format}`)}
          >
            <Text slot="label" className="copy-label">
              {t(`export.${format}`)}
            </Text>
            <Text slot="description" className="copy-explain">
              {t('export.hint')}
            </Text>
          </MenuItem>
        ))}
      </Menu>
    </Popover>
  );
}
