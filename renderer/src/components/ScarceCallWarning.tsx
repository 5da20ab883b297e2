import { TriangleAlert } from 'lucide-react';
import { useEventState } from '../hooks/useEventState';
import { useNow } from '../hooks/useNow';
import { formatTime, t } from '../i18n/i18n';
import { scarce } from '../rate-limit-view';
import { endpointName } from '../endpoint-names';

/** Said before an action that spends a call of an endpoint whose limit is running low. */
export function ScarceCallWarning({ endpoint }: { endpoint: string }) {
  const limits = useEventState('rateLimits:changed');
  const now = useNow((limits?.length ?? 0) > 0);
  const limit = scarce(limits ?? [], endpoint, now);
  if (!limit) return null;
  const what = endpointName(endpoint);
  return (
    <span className="scarce" role="note">
      <TriangleAlert size={14} aria-hidden />
      {limit.exhausted || limit.remaining === 0
        ? t('gauge.scarceOut', { what, time: formatTime(limit.resetAt) })
        : t('gauge.scarce', {
            what,
            remaining: limit.remaining,
            limit: limit.limit,
            time: formatTime(limit.resetAt),
          })}
    </span>
  );
}
