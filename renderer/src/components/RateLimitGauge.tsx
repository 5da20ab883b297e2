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
      <Button
        className={`gauge-button level-${worst ? level(worst) : 'ok'}`}
        aria-label={`${t('gauge.label')}: ${worst ? summary(worst, now) : t('gauge.none')}`}
        data-testid="rate-gauge"
      >
        <Gauge size={16} aria-hidden />
        {worst ? (
          <LimitMeter limit={worst} now={now} />
        ) : (
          <span className="gauge-text">{t('gauge.none')}</span>
        )}
      </Button>
      <ModalOverlay className="overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="limits-panel" aria-label={t('gauge.details')}>
            <Heading slot="title" className="label">
              {t('gauge.details')}
            </Heading>
            {limits.length === 0 && <p className="hint">{t('gauge.none')}</p>}
            {limits.map((raw) => {
              const limit = current(raw, now);
              return (
                <div key={limit.endpoint} className={`limits-row level-${level(limit)}`}>
                  <code>{limit.endpoint}</code>
                  <LimitMeter limit={limit} now={now} />
                  <Sparkline
                    limit={limit}
                    label={t('gauge.history', { endpoint: limit.endpoint })}
                  />
                </div>
              );
            })}
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
  return `${limit.endpoint}, ${left}, ${reset}`;
}

function LimitMeter({ limit, now }: { limit: RateLimitView; now: number }) {
  return (
    <Meter
      className={`meter level-${level(limit)}`}
      value={limit.remaining}
      minValue={0}
      maxValue={Math.max(1, limit.limit)}
      aria-label={limit.endpoint}
      valueLabel={t('gauge.tightest', { remaining: limit.remaining, limit: limit.limit })}
    >
      {({ percentage }) => (
        <>
          <span className="gauge-text">
            {t('gauge.tightest', { remaining: limit.remaining, limit: limit.limit })} ·{' '}
            {limit.exhausted
              ? t('gauge.exhausted', { time: formatTime(limit.resetAt) })
              : t('gauge.resetsIn', { time: formatCountdown(limit.resetAt - now) })}
          </span>
          <span className="meter-bar">
            <span className="meter-fill" style={{ width: `${percentage}%` }} />
          </span>
        </>
      )}
    </Meter>
  );
}
