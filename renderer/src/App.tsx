import { CircleHelp, LogOut, Settings as SettingsIcon } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, I18nProvider } from 'react-aria-components';
import { call, errorView, hasBridge, hostInfo } from './bridge';
import { ClipboardIndicator } from './components/ClipboardIndicator';
import { profileLabels } from './profile-names';
import { serverName } from './server-name';
import { showToast } from './toasts';
import { DeviceTokenBanner } from './components/DeviceTokenBanner';
import { KeychainBanner } from './components/KeychainBanner';
import { RateLimitGauge } from './components/RateLimitGauge';
import type { SettingsDialog as SettingsDialogComponent } from './components/SettingsDialog';
import { ShortcutHint } from './components/ShortcutHint';
import { SignInScreen } from './components/SignInScreen';
import { TokensScreen } from './components/TokensScreen';
import { useEventState } from './hooks/useEventState';
import { useShortcuts } from './hooks/useShortcuts';
import { t } from './i18n/i18n';
import { applySettings, FALLBACK_SETTINGS, localeFor, type UiSettings } from './preferences';
import { displayKeys } from './shortcuts';

// Loaded when first opened: the first screen needs neither (keeps the initial bundle small).
const HelpDialog = lazy(() =>
  import('./components/HelpDialog').then((m) => ({ default: m.HelpDialog })),
);
// The toast region comes right after the first screen: nothing toasts before it is shown.
const Toasts = lazy(() => import('./components/Toasts').then((m) => ({ default: m.Toasts })));
const SettingsDialog = lazy(() =>
  import('./components/SettingsDialog').then((m) => ({ default: m.SettingsDialog })),
);

export function App() {
  if (!hasBridge()) {
    return (
      <main className="card">
        <h1>{t('app.name')}</h1>
        <p>{t('app.noBridge')}</p>
      </main>
    );
  }
  return <Connected />;
}

function Connected() {
  const [settings, setSettings] = useState<UiSettings>();
  useEffect(() => {
    call('settings:get')
      .then(async (loaded) => {
        await applySettings(loaded);
        setSettings(loaded);
      })
      .catch(() => setSettings(FALLBACK_SETTINGS));
  }, []);
  if (!settings) return null;
  // react-aria's own strings (a select's placeholder, a search field's clear button) follow
  // the app's language; its context also re-renders memoised rows when the language changes.
  return (
    <I18nProvider locale={localeFor(settings.language) === 'de' ? 'de-DE' : 'en-US'}>
      <Shell
        settings={settings}
        onSettingsChange={(patch) =>
          void call('settings:set', patch).then(async (saved) => {
            await applySettings(saved);
            setSettings(saved);
          })
        }
      />
    </I18nProvider>
  );
}

function Shell({
  settings,
  onSettingsChange,
}: {
  settings: UiSettings;
  onSettingsChange: Parameters<typeof SettingsDialogComponent>[0]['onChange'];
}) {
  const profiles = useEventState('profiles:changed');
  const session = useEventState('session:changed');
  const [helpOpen, setHelpOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const preview = !hostInfo().persistent;

  useEffect(() => {
    document.title = preview ? `${t('app.name')} — ${t('app.previewBadge')}` : t('app.name');
  });
  useShortcuts({ help: () => setHelpOpen(true), settings: () => setSettingsOpen(true) });

  const selected = profiles?.profiles.find((p) => p.id === profiles.selectedProfileId);
  const labels = profileLabels(profiles?.profiles ?? []);
  const signOut = () =>
    void call('session:signOut', { revokeDeviceToken: true }).catch((caught: unknown) =>
      showToast({ title: { error: errorView(caught) } }, 8000),
    );
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {session?.status === 'signed_in' && (
        <a className="skip-link" href="#token-table">
          {t('app.skipToTable')}
        </a>
      )}
      <header className="topbar">
        <h1>{t('app.name')}</h1>
        {preview && (
          <span className="badge accent preview-badge">
            <span className="wide-only">{t('app.previewBadge')}</span>
            <span className="narrow-only">{t('app.previewShort')}</span>
          </span>
        )}
        {selected && session?.status === 'signed_in' && (
          <>
            <span
              className="badge profile-badge"
              title={t('header.whoTitle', {
                account: selected.username ?? '?',
                server: serverName(selected),
                profile: labels.get(selected.id) ?? selected.name,
              })}
            >
              {/* Narrow windows name the account only; the title names the server too. */}
              <span className="wide-only">
                {t('header.who', {
                  account: selected.username ?? '?',
                  server: serverName(selected),
                })}
              </span>
              <span className="narrow-only">{selected.username ?? '?'}</span>
            </span>
            <Button className="quiet" onPress={signOut}>
              <LogOut size={16} aria-hidden />
              {t('tokens.signOut')}
            </Button>
          </>
        )}
        <span className="spacer" />
        <RateLimitGauge />
        <ShortcutHint label={t('help.open')} keys="?">
          <Button
            className="quiet icon"
            aria-label={t('help.open')}
            aria-keyshortcuts="?"
            onPress={() => setHelpOpen(true)}
          >
            <CircleHelp size={18} aria-hidden />
          </Button>
        </ShortcutHint>
        <ShortcutHint label={t('settings.open')} keys="Mod+,">
          <Button
            className="quiet icon"
            aria-label={t('settings.open')}
            aria-keyshortcuts={displayKeys('Mod+,')}
            onPress={() => setSettingsOpen(true)}
          >
            <SettingsIcon size={18} aria-hidden />
          </Button>
        </ShortcutHint>
      </header>
      {profiles?.problem && (
        <div className="notice alert" role="alert">
          {t('profile.storageProblem', { problem: profiles.problem })}
        </div>
      )}
      {profiles && <KeychainBanner profiles={profiles} />}
      {session?.status === 'signed_in' && <DeviceTokenBanner session={session} />}
      {session?.status === 'signed_in' && !session.persisted && (
        <div className="notice alert warn" role="status">
          {t('signIn.notPersisted')}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {!profiles || !session ? (
          <p className="empty">{t('app.loading')}</p>
        ) : session.status === 'signed_in' ? (
          <TokensScreen key={session.profileId} />
        ) : (
          <SignInScreen profiles={profiles} session={session} />
        )}
      </main>
      <Suspense fallback={null}>
        {helpOpen && (
          <HelpDialog isOpen onClose={() => setHelpOpen(false)} v2={selected?.api === 'v2'} />
        )}
        {settingsOpen && (
          <SettingsDialog
            isOpen
            onClose={() => setSettingsOpen(false)}
            settings={settings}
            onChange={onSettingsChange}
            profiles={profiles}
          />
        )}
      </Suspense>
      <footer className="statusbar">
        <ClipboardIndicator />
      </footer>
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
    </div>
  );
}
