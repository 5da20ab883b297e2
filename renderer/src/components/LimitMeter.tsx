import { Meter } from 'react-aria-components';
import type { RateLimitView } from '../../../app/contract';
import { endpointName } from '../endpoint-names';
import { formatCountdown, formatTime, t } from '../i18n/i18n';
import { level } from '../rate-limit-view';

/** A filled bar whose length and colour follow the share left, with the numbers beside it. */
export function LimitMeter({
  limit,
  now,
  compact = false,
}: {
  limit: RateLimitView;
  now: number;
  compact?: boolean;
}) {
  const left = t('gauge.tightest', { remaining: limit.remaining, limit: limit.limit });
  const reset = limit.exhausted
    ? t('gauge.exhausted', { time: formatTime(limit.resetAt) })
    : t('gauge.resetsIn', { time: formatCountdown(limit.resetAt - now) });
  return (
    <Meter
      className={`meter level-${level(limit)}`}
      value={limit.remaining}
      minValue={0}
      maxValue={Math.max(1, limit.limit)}
      aria-label={endpointName(limit.endpoint)}
      valueLabel={left}
    >
      {({ percentage }) => (
        <>
          <span className="gauge-text">
            {compact ? (
              // In the top bar: the endpoint and what is left; the countdown is in the panel.
              <>
                <span className="gauge-name">{endpointName(limit.endpoint)}: </span>
                {limit.exhausted ? reset : left}
              </>
            ) : (
              <>
                {left} · {reset}
              </>
            )}
          </span>
          <span className="meter-bar" aria-hidden>
            <span className="meter-fill" style={{ width: `${percentage}%` }} />
          </span>
        </>
      )}
    </Meter>
  );
}
