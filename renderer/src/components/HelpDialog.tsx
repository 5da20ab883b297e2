import { Button } from 'react-aria-components';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { ModalDialog } from './ModalDialog';
import { displayKeys, SHORTCUTS } from '../shortcuts';

/** Keys handled where they are pressed (in the table, the search field, any dialog). */
const EXTRA: readonly [string[], MessageKey][] = [
  [['↑', '↓', 'Home', 'End'], 'shortcut.rows'],
  [['Esc'], 'shortcut.searchEscape'],
  [['Esc'], 'shortcut.escape'],
];

export function HelpDialog({
  isOpen,
  onClose,
  v2 = false,
}: {
  isOpen: boolean;
  onClose: () => void;
  /** mStudio (API v2): no fresh API token to copy, so its shortcut is not listed. */
  v2?: boolean;
}) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={t('help.title')}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('help.key')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((shortcut) => !(v2 && shortcut.action === 'copyApiToken')).map(
            (shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  {shortcut.keys.map((keys) => (
                    <kbd key={keys}>{displayKeys(keys)}</kbd>
                  ))}
                </td>
                <td>{t(shortcut.label)}</td>
              </tr>
            ),
          )}
          {EXTRA.map(([keys, label]) => (
            <tr key={label}>
              <td>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <Button className="primary" onPress={onClose} autoFocus>
          {t('help.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}
