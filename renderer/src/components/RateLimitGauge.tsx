import { Gauge } from 'lucide-react';
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { RateLimitView } from '../../../app/contract';
import { endpointName } from '../endpoint-names';
import { useEventState } from '../hooks/useEventState';
import { useNow } from '../hooks/useNow';
import { formatRelative, formatTime, t } from '../i18n/i18n';
import { markPainted } from '../paint-marks';
import { level, tightest } from '../rate-limit-view';
import { LimitMeter } from './LimitMeter';

// The panel of every endpoint is loaded when first opened: the first screen shows the gauge only.
const RateLimitDetails = lazy(() =>
  import('./RateLimitDetails').then((m) => ({ default: m.RateLimitDetails })),
);

/** The tightest endpoint, always visible; every endpoint seen in a popover. Fed by events only. */
const NONE: readonly RateLimitView[] = [];

/** Subscribes itself, so a rate-limit event re-renders the gauge and nothing else. */
export function RateLimitGauge() {
  const limits = useEventState('rateLimits:changed') ?? NONE;
  const now = useNow(limits.length > 0);
  const worst = tightest(limits, now);
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => markPainted('mwtokens:gauge-painted'), [limits]);
  return (
    <>
      {/* Quiet and neutral until a limit was seen: an icon, no "nothing yet" text. */}
      <Button
        className={worst ? `gauge-button level-${level(worst)}` : 'quiet icon gauge-idle'}
        aria-label={`${t('gauge.label')}: ${worst ? summary(worst, now) : t('gauge.none')}`}
        data-testid="rate-gauge"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPress={() => setOpen(true)}
      >
        <Gauge size={18} aria-hidden />
        {worst && <LimitMeter limit={worst} now={now} compact />}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <RateLimitDetails limits={limits} now={now} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
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
