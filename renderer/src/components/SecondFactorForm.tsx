import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { ErrorView } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { ScarceCallWarning } from './ScarceCallWarning';
import { SIGN_IN_ENDPOINT } from '../endpoint-names';

/** The second factor, in the same card as the sign-in: a TOTP code or a device PIN. */
export function SecondFactorForm({ kind }: { kind: 'TOTP' | 'DeviceCookie' }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();

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
      <p className="hint">{kind === 'TOTP' ? t('mfa.intro') : t('mfa.introDevice')}</p>
      <TextField
        className="field"
        value={code}
        onChange={setCode}
        isRequired
        autoFocus
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]{6,8}"
      >
        <Label>{kind === 'TOTP' ? t('mfa.code') : t('mfa.pin')}</Label>
        <Input />
        <FieldError />
      </TextField>
      {error?.kind === 'unauthorized' ? (
        <div role="alert" className="alert">
          {t('mfa.wrongCode')}
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
    </Form>
  );
}
