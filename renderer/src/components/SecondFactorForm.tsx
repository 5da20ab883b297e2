import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { ErrorView, ProfileView } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { serverName } from '../server-name';
import { ErrorMessage } from './ErrorMessage';
import { SandboxMailbox } from './SandboxMailbox';
import { ScarceCallWarning } from './ScarceCallWarning';
import { SIGN_IN_ENDPOINT } from '../endpoint-names';

/**
 * The second factor, in the same card as the sign-in, for the account it names: a TOTP code
 * from an authenticator app, or a device PIN mailed to the account holder. The API states no
 * length for either, so none is imposed here.
 */
export function SecondFactorForm({
  kind,
  username,
  profile,
}: {
  kind: 'TOTP' | 'DeviceCookie';
  username: string;
  profile: ProfileView | undefined;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const pin = kind === 'DeviceCookie';
  // mStudio accepts one of the account's recovery codes in place of the code.
  const v2 = profile?.api === 'v2';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call('session:submitSecondFactor', { code });
    } catch (caught) {
      setError(errorView(caught));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="mfa-title">
      <h2 id="mfa-title">{t('mfa.title')}</h2>
      {profile && (
        <p className="account-line">
          {t('mfa.account', { username, server: serverName(profile) })}
        </p>
      )}
      <p className="hint">
        {pin ? t('mfa.introPin', { username }) : t('mfa.introTotp', { username })}
      </p>
      <TextField
        className="field"
        value={code}
        onChange={setCode}
        isRequired
        autoFocus
        autoComplete="one-time-code"
        inputMode={pin || v2 ? 'text' : 'numeric'}
        maxLength={64}
      >
        <Label>{pin ? t('mfa.pin') : v2 ? t('mfa.codeOrRecovery') : t('mfa.code')}</Label>
        <Input />
        {v2 && <Text slot="description">{t('mfa.recoveryHint')}</Text>}
        <FieldError />
      </TextField>
      {error?.kind === 'unauthorized' ? (
        <div role="alert" className="alert">
          {pin ? t('mfa.wrongPin') : t('mfa.wrongCode')}
        </div>
      ) : (
        <ErrorMessage error={error} />
      )}
      <div className="actions">
        <ScarceCallWarning endpoint={SIGN_IN_ENDPOINT} />
        <Button onPress={() => void call('session:cancelSecondFactor')}>{t('mfa.cancel')}</Button>
        <Button type="submit" className="primary" isDisabled={busy}>
          {busy && <span className="spinner" aria-hidden />}
          {t('mfa.submit')}
        </Button>
      </div>
      {pin && profile?.server === 'sandbox' && (
        <SandboxMailbox username={username} onUsePin={setCode} />
      )}
    </Form>
  );
}
