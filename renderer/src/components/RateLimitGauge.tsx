import { Gauge } from 'lucide-react';
import { useEffect } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Heading,
  Meter,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import type { RateLimitView } from '../../../app/contract';
import { endpointName } from '../endpoint-names';
import { useEventState } from '../hooks/useEventState';
import { useNow } from '../hooks/useNow';
import { formatCountdown, formatRelative, formatTime, t } from '../i18n/i18n';
import { current, level, tightest } from '../rate-limit-view';
import { Sparkline } from './Sparkline';

/** The tightest endpoint, always visible; every endpoint seen in a popover. Fed by events only. */
const NONE: readonly RateLimitView[] = [];

/** Subscribes itself, so a rate-limit event re-renders the gauge and nothing else. */
export function RateLimitGauge() {
  const limits = useEventState('rateLimits:changed') ?? NONE;
  const now = useNow(limits.length > 0);
  const worst = tightest(limits, now);
  useEffect(() => {
    requestAnimationFrame(() => performance.mark('mwtokens:gauge-painted'));
  }, [limits]);
  return (
    <DialogTrigger>
      {/* Quiet and neutral until a limit was seen: an icon, no "nothing yet" text. */}
      <Button
        className={worst ? `gauge-button level-${level(worst)}` : 'quiet icon gauge-idle'}
        aria-label={`${t('gauge.label')}: ${worst ? summary(worst, now) : t('gauge.none')}`}
        data-testid="rate-gauge"
      >
        <Gauge size={18} aria-hidden />
        {worst && <LimitMeter limit={worst} now={now} compact />}
      </Button>
      <ModalOverlay className="overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog limits-panel" aria-label={t('gauge.details')}>
            <Heading slot="title">{t('gauge.details')}</Heading>
            <p className="hint">{t('gauge.explain')}</p>
            {limits.length === 0 && <p className="hint">{t('gauge.none')}</p>}
            {limits.map((raw) => {
              const limit = current(raw, now);
              return (
                <div key={limit.endpoint} className={`limits-row level-${level(limit)}`}>
                  <div className="limits-name">
                    <strong>{endpointName(limit.endpoint)}</strong>
                    <code>{limit.endpoint}</code>
                  </div>
                  <LimitMeter limit={limit} now={now} />
                  <Sparkline
                    limit={limit}
                    label={t('gauge.history', { endpoint: endpointName(limit.endpoint) })}
                  />
                </div>
              );
            })}
            <div className="actions">
              <Button slot="close" className="primary">
                {t('help.close')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function summary(limit: RateLimitView, now: number): string {
  const left = t('gauge.tightest', { remaining: limit.remaining, limit: limit.limit });
  const reset = limit.exhausted
    ? t('gauge.exhausted', { time: formatTime(limit.resetAt) })
    : t('gauge.resets', { when: formatRelative(limit.resetAt, now) });
  // Read aloud as words ("resets in 14 minutes"); the visible countdown ticks.
  return `${endpointName(limit.endpoint)}, ${left}, ${reset}`;
}

/** A filled bar whose length and colour follow the share left, with the numbers beside it. */
function LimitMeter({
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
