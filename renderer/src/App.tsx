import { useEffect } from 'react';
import { hasBridge, hostInfo } from './bridge';
import { KeychainBanner } from './components/KeychainBanner';
import { RateLimitGauge } from './components/RateLimitGauge';
import { SignInScreen } from './components/SignInScreen';
import { Toasts } from './components/Toasts';
import { TokensScreen } from './components/TokensScreen';
import { useEventState } from './hooks/useEventState';
import { t } from './i18n/i18n';
import { showToast } from './toasts';
import { subscribe } from './bridge';

export function App() {
  if (!hasBridge()) {
    return (
      <main className="card">
        <h1>{t('app.name')}</h1>
        <p>{t('error.internal')}</p>
      </main>
    );
  }
  return <Connected />;
}

function Connected() {
  const profiles = useEventState('profiles:changed');
  const session = useEventState('session:changed');
  const limits = useEventState('rateLimits:changed') ?? [];
  const preview = !hostInfo().persistent;

  useEffect(() => {
    document.title = preview ? `${t('app.name')} — ${t('app.previewBadge')}` : t('app.name');
  }, [preview]);
  useEffect(
    () => subscribe('clipboard:cleared', () => showToast({ title: t('copy.cleared') }, 3000)),
    [],
  );

  const selected = profiles?.profiles.find((p) => p.id === profiles.selectedProfileId);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <h1>{t('app.name')}</h1>
        {preview && <span className="badge accent">{t('app.previewBadge')}</span>}
        {selected && session?.status === 'signed_in' && (
          <span className="badge">
            {selected.name}
            {selected.username && ` · ${selected.username}`}
          </span>
        )}
        <span className="spacer" />
        <RateLimitGauge limits={limits} />
      </header>
      {profiles?.problem && (
        <div className="notice alert" role="alert">
          {t('profile.storageProblem', { problem: profiles.problem })}
        </div>
      )}
      {profiles && <KeychainBanner profiles={profiles} />}
      <main id="main" tabIndex={-1}>
        {!profiles || !session ? (
          <p className="empty">{t('app.loading')}</p>
        ) : session.status === 'signed_in' ? (
          <TokensScreen key={session.profileId} />
        ) : (
          <SignInScreen profiles={profiles} session={session} />
        )}
      </main>
      <Toasts />
    </div>
  );
}
