import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type {
  ApiKind,
  ApiTokenRole,
  ErrorView,
  ProfilesView,
  ServerChoice,
  SessionView,
} from '../../../app/contract';
import { API_TOKEN_ROLES } from '../../../app/contract-names';
import { ApiKindChoice } from './ApiKindChoice';
import { RadioCards } from './RadioCards';
import { DEFAULT_EXPIRY, expiryFrom, type ExpiryChoice } from '../expiry';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { ProfileSelect, NEW_PROFILE } from './ProfileSelect';
import { PasswordField } from './PasswordField';
import { ScarceCallWarning } from './ScarceCallWarning';
import { SIGN_IN_ENDPOINT } from '../endpoint-names';
import { uniqueProfileName } from '../profile-names';

// Loaded when needed: the device token's fields once mStudio is chosen, the second factor
// once the server asks for it.
const DeviceTokenFields = lazy(() =>
  import('./V2TokenFields').then((m) => ({ default: m.DeviceTokenFields })),
);
const SecondFactorForm = lazy(() =>
  import('./SecondFactorForm').then((m) => ({ default: m.SecondFactorForm })),
);

/** Profile, server, username and password; then the second factor when the server asks. */
export function SignInScreen({
  profiles,
  session,
}: {
  profiles: ProfilesView;
  session: SessionView;
}) {
  const selected = profiles.profiles.find((p) => p.id === profiles.selectedProfileId);
  const [choice, setChoice] = useState<string>(selected?.id ?? NEW_PROFILE);
  const [server, setServer] = useState<ServerChoice>('sandbox');
  const [username, setUsername] = useState(selected?.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const [api, setApi] = useState<ApiKind>('v1');
  const [roles, setRoles] = useState<ApiTokenRole[]>([...API_TOKEN_ROLES]);
  const [expiry, setExpiry] = useState<ExpiryChoice>(DEFAULT_EXPIRY);

  if (session.status === 'second_factor')
    return (
      <Suspense fallback={null}>
        <SecondFactorForm
          kind={session.name}
          username={session.username}
          profile={profiles.profiles.find((p) => p.id === session.profileId)}
        />
      </Suspense>
    );

  const chosen = profiles.profiles.find((p) => p.id === choice);
  const v2 = (chosen ? chosen.api : api) === 'v2';
  const chooseProfile = async (id: string) => {
    setChoice(id);
    setError(undefined);
    const profile = profiles.profiles.find((p) => p.id === id);
    if (profile) {
      setUsername(profile.username ?? '');
      await call('profiles:select', { profileId: id }).catch((e: unknown) =>
        setError(errorView(e)),
      );
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (v2 && roles.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      // A new profile is made by the sign-in itself and kept only if it succeeds (or waits for
      // a second factor): a failed first sign-in leaves no stray profile behind.
      const view = await call('session:signIn', {
        username,
        password,
        newProfile: chosen
          ? undefined
          : {
              name: uniqueProfileName(
                server === 'sandbox' ? t('server.sandbox') : t('server.mittwald'),
                profiles.profiles,
              ),
              server,
              api,
            },
        ...(v2 ? { roles, expiresAt: expiryFrom(expiry, Date.now()) ?? undefined } : {}),
      });
      // Keep the new profile chosen, so a second attempt (after a cancelled second factor)
      // signs in to it instead of making another.
      if (!chosen && view.profileId) setChoice(view.profileId);
      setPassword('');
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signIn.title')}</h2>
      <p className="hint">{t('signIn.intro')}</p>
      {profiles.profiles.length > 0 && (
        <ProfileSelect
          profiles={profiles.profiles}
          selected={choice}
          onChange={(id) => void chooseProfile(id)}
          allowNew
        />
      )}
      {!chosen && <ApiKindChoice value={api} onChange={setApi} />}
      {chosen ? (
        <p className="hint">
          {t('server.label')}: {chosen.server === 'sandbox' ? t('server.sandbox') : chosen.baseUrl}
        </p>
      ) : (
        <RadioCards
          label={t('server.label')}
          value={server}
          onChange={setServer}
          options={[
            {
              value: 'mittwald',
              title: t('server.mittwald'),
              hint: t('server.mittwald.hint'),
            },
            {
              value: 'sandbox',
              title: t('server.sandbox'),
              hint: v2 ? t('server.sandbox.hintV2') : t('server.sandbox.hint'),
            },
          ]}
        />
      )}
      {(chosen?.server ?? server) === 'sandbox' && chosen && (
        <p className="hint">{v2 ? t('server.sandbox.hintV2') : t('server.sandbox.hint')}</p>
      )}
      <TextField
        className="field"
        name="username"
        value={username}
        onChange={setUsername}
        isRequired
        autoComplete={v2 ? 'email' : 'username'}
        type={v2 ? 'email' : 'text'}
        autoFocus
      >
        <Label>{v2 ? t('signIn.email') : t('signIn.username')}</Label>
        <Input />
        <FieldError />
      </TextField>
      <PasswordField label={t('signIn.password')} value={password} onChange={setPassword} />
      {v2 && (
        <Suspense fallback={null}>
          <DeviceTokenFields
            roles={roles}
            onRolesChange={setRoles}
            expiry={expiry}
            onExpiryChange={setExpiry}
          />
        </Suspense>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <ScarceCallWarning endpoint={SIGN_IN_ENDPOINT} />
        <Button type="submit" className="primary" isDisabled={busy}>
          {busy && <span className="spinner" aria-hidden />}
          {busy ? t('signIn.working') : t('signIn.submit')}
        </Button>
      </div>
    </Form>
  );
}
