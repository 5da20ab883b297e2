import { ShieldAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { KeychainStatus, ProfilesView } from '../../../app/contract';
import { call } from '../bridge';
import { t } from '../i18n/i18n';

/** Says so when secrets would be stored weakly, with the explicit per-profile opt-in. */
export function KeychainBanner({ profiles }: { profiles: ProfilesView }) {
  const [status, setStatus] = useState<KeychainStatus>();
  useEffect(() => {
    call('keychain:status')
      .then(setStatus)
      .catch(() => setStatus(undefined));
  }, [profiles]);
  const profileId = profiles.selectedProfileId;
  if (!status || status.canStore || !profileId) return null;
  if (!status.available) {
    return (
      <div className="notice alert warn" role="alert">
        <ShieldAlert size={16} aria-hidden /> {t('keychain.unavailable')}
      </div>
    );
  }
  return (
    <div className="notice alert warn" role="alert">
      <ShieldAlert size={16} aria-hidden /> {t('keychain.weak', { backend: status.backend })}{' '}
      <Button onPress={() => void call('profiles:allowWeakStorage', { profileId, allow: true })}>
        {t('keychain.allow')}
      </Button>
    </div>
  );
}
