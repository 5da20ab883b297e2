import { ClipboardCheck, ClipboardX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ClipboardHolding } from '../../../app/contract';
import { call, errorView, subscribe } from '../bridge';
import { useEventState } from '../hooks/useEventState';
import { useNow } from '../hooks/useNow';
import { formatCountdown, formatTime, t } from '../i18n/i18n';
import { showToast } from '../toasts';

/** The copy in this window's words, whoever made it (this window, the tray, the menu). */
function describe({ subject, format }: ClipboardHolding): string {
  const as = t(`format.${format}`);
  if (subject.kind === 'apiToken') return t('clipboard.holdsApi', { format: as });
  return t(subject.kind === 'apiTokenFrom' ? 'clipboard.holdsApiFrom' : 'clipboard.holdsAccess', {
    name: subject.name,
    format: as,
  });
}

/**
 * One indicator, in the status bar, for what mwtokens put on the clipboard: what (never the
 * secret), a countdown to clearing, and "clear now". It sits in the layout, so it never covers
 * a dialog or a button; a new copy replaces it instead of stacking.
 */
export function ClipboardIndicator() {
  const holding = useEventState('clipboard:changed')?.holding;
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
