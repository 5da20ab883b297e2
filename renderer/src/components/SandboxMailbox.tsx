import { Mail, RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ErrorView, SandboxMailView } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { formatDateTime, t } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';

const PIN = /PIN:\s*(\S+)/;

/**
 * The sandbox's stand-in for e-mail while a device PIN is asked for: the latest mails to the
 * account, clearly labelled as the sandbox's, with the PIN one press away.
 */
export function SandboxMailbox({
  username,
  onUsePin,
}: {
  username: string;
  onUsePin: (pin: string) => void;
}) {
  const [mails, setMails] = useState<SandboxMailView[]>();
  const [error, setError] = useState<ErrorView>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      setMails(await call('sandbox:mailbox'));
      setError(undefined);
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    call('sandbox:mailbox')
      .then(setMails)
      .catch((caught: unknown) => setError(errorView(caught)));
  }, []);

  return (
    <section className="mailbox" aria-labelledby="mailbox-title">
      <div className="mailbox-head">
        <Mail size={16} aria-hidden />
        <h3 id="mailbox-title">{t('mailbox.title')}</h3>
        <span className="spacer" />
        <Button className="quiet small" onPress={() => void load()} isDisabled={busy}>
          <RefreshCw size={14} aria-hidden />
          {t('mailbox.refresh')}
        </Button>
      </div>
      <p className="hint">{t('mailbox.explain', { username })}</p>
      <ErrorMessage error={error} />
      {mails && mails.length === 0 && <p className="hint">{t('mailbox.empty')}</p>}
      {mails && mails.length > 0 && (
        <ul className="mail-list" aria-label={t('mailbox.list', { username })}>
          {mails.map((mail, index) => {
            const pin = PIN.exec(mail.body)?.[1];
            return (
              <li key={`${mail.at}-${index}`} className="mail">
                <div className="mail-meta">
                  <strong>{mail.subject}</strong>
                  <span className="hint">{formatDateTime(mail.at)}</span>
                </div>
                <p>{mail.body}</p>
                {pin && index === 0 && (
                  <Button className="small" onPress={() => onUsePin(pin)}>
                    {t('mailbox.usePin', { pin })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
