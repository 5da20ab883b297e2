import { Button } from 'react-aria-components';
import { t } from '../i18n/i18n';
import { ModalDialog } from './ModalDialog';
import { displayKeys, SHORTCUTS } from '../shortcuts';

export function HelpDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
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
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((keys) => (
                  <kbd key={keys}>{displayKeys(keys)}</kbd>
                ))}
              </td>
              <td>{t(shortcut.label)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>{t('shortcut.escape')}</td>
          </tr>
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
