import { Clock } from 'lucide-react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ErrorView, SessionView } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { useNow } from '../hooks/useNow';
import { formatDateTime, formatRelative, t } from '../i18n/i18n';
import { showToast } from '../toasts';
import { ErrorMessage } from './ErrorMessage';

/**
 * Device tokens the user renewed or put off in this window: not offered again until the app
 * starts anew. (A renewed token is not due again at once anyway: the host's `renewFrom` waits
 * at least half its lifetime; putting off is this window's own choice.)
 */
const quieted = new Set<string>();

/**
 * v2: once this device's own API token is within the renewal window (`renewFrom`), says when
 * it expires and renews it in one click (replacement stored, old one revoked, by the service).
 */
export function DeviceTokenBanner({ session }: { session: SessionView }) {
  const device = session.status === 'signed_in' ? session.deviceToken : undefined;
  const now = useNow(device?.renewFrom !== undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const [, setQuietCount] = useState(0);
  if (!device?.renewFrom || !device.expiresAt || now < device.renewFrom) return null;
  if (quieted.has(device.uuid)) return null;
  const quiet = (uuid: string | undefined) => {
    if (uuid) quieted.add(uuid);
    setQuietCount(quieted.size);
  };
  const expiresAt = device.expiresAt;

  const renew = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const renewed = await call('session:renewDeviceToken');
      quiet(renewed.status === 'signed_in' ? renewed.deviceToken?.uuid : undefined);
      showToast({ title: { key: 'deviceBanner.renewed' } });
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice alert warn device-banner" role="status">
      <Clock size={16} aria-hidden />
      <p>
        {t(device.renewable ? 'deviceBanner.expiring' : 'deviceBanner.readOnly', {
          when: formatRelative(expiresAt, now),
          date: formatDateTime(expiresAt),
        })}
      </p>
      {/* A read-only token may not create its successor: only a new sign-in replaces it. */}
      {device.renewable && (
        <Button className="primary" onPress={() => void renew()} isDisabled={busy}>
          {busy && <span className="spinner" aria-hidden />}
          {busy ? t('deviceBanner.renewing') : t('deviceBanner.renew')}
        </Button>
      )}
      <Button onPress={() => quiet(device.uuid)} isDisabled={busy}>
        {t('deviceBanner.later')}
      </Button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
