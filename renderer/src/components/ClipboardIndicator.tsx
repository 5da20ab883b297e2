import { ClipboardCheck, ClipboardX } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import type { ClipboardHolding } from '../../../app/contract';
import { call, errorView, subscribe } from '../bridge';
import { lastCopy, onCopyRecorded } from '../copy';
import { useEventState } from '../hooks/useEventState';
import { useNow } from '../hooks/useNow';
import { formatCountdown, formatTime, t } from '../i18n/i18n';
import { showToast } from '../toasts';

/** The copy in this window's words when it is the one this window made; else the core's. */
function describe(holding: ClipboardHolding): string {
  const made = lastCopy();
  if (!made || made.clearsAt !== holding.clearsAt || made.format !== holding.format)
    return holding.copied;
  const format = t(`format.${made.format}`);
  if (made.name === undefined) return t('clipboard.holdsApi', { format });
  // An access token's header is a fresh API token made from it.
  return made.format === 'header'
    ? t('clipboard.holdsApiFrom', { name: made.name, format })
    : t('clipboard.holdsAccess', { name: made.name, format });
}

/**
 * One indicator, in the status bar, for what mwtokens put on the clipboard: what (never the
 * secret), a countdown to clearing, and "clear now". It sits in the layout, so it never covers
 * a dialog or a button; a new copy replaces it instead of stacking.
 */
export function ClipboardIndicator() {
  const holding = useEventState('clipboard:changed')?.holding;
  // Re-read the words when this window records a copy (the event may arrive first).
  useSyncExternalStore(onCopyRecorded, lastCopy);
  const now = useNow(holding !== undefined);
  // "Clipboard cleared." for a few seconds after a clear, then the quiet idle line.
  const [justCleared, setJustCleared] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribe('clipboard:cleared', () => {
      setJustCleared(true);
      clearTimeout(timer);
      timer = setTimeout(() => setJustCleared(false), 4000);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);

  const clearNow = () =>
    void call('clipboard:clear').catch((caught: unknown) =>
      showToast({ title: { error: errorView(caught) } }, 8000),
    );

  return (
    <section className="clipboard-indicator" aria-label={t('clipboard.region')}>
      {holding ? (
        <>
          <ClipboardCheck size={16} aria-hidden className="clipboard-icon" />
          <span className="clipboard-what" role="status">
            {t('clipboard.holds', { what: describe(holding) })}
          </span>
          <span className="clipboard-when">
            {t('clipboard.clearsIn', { time: formatCountdown(holding.clearsAt - now) })}
            {holding.expiresAt !== undefined &&
              ` · ${t('clipboard.validUntil', { time: formatTime(holding.expiresAt) })}`}
          </span>
          <Button className="quiet small" onPress={clearNow}>
            <ClipboardX size={14} aria-hidden />
            {t('clipboard.clearNow')}
          </Button>
        </>
      ) : (
        <span className="clipboard-idle" role="status">
          {justCleared && !holding ? t('copy.cleared') : t('clipboard.idle')}
        </span>
      )}
    </section>
  );
}
