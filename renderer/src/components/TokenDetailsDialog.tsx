import { Copy } from 'lucide-react';
import { Button } from 'react-aria-components';
import { V2DetailsEntries } from './V2TokenCells';
import type { TokenRow } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { currentLocale, formatAgo, formatDateTime, t } from '../i18n/i18n';
import { showToast } from '../toasts';
import { ModalDialog } from './ModalDialog';

/** The exact moment, to the second, with the weekday and time zone: "exact creation time". */
function exactTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'full',
    timeStyle: 'long',
  }).format(ms);
}

/** What revoking this token stops, in one sentence. */
function revokeEffect(row: TokenRow): string {
  if (row.isThisDevice) return t('details.revokeOwn');
  return row.held ? t('details.revokeOther') : t('details.revokeNotHeld');
}

/** Everything known about one token that is not its secret; its ID can be copied. */
export function TokenDetailsDialog({
  row,
  now,
  onClose,
}: {
  row: TokenRow;
  now: number;
  onClose: () => void;
}) {
  const name = row.description || t('tokens.untitled');
  const copyUuid = () =>
    void call('clipboard:copyUuid', { uuid: row.uuid })
      .then(() =>
        showToast({ title: { key: 'details.uuidCopied', params: { description: name } } }),
      )
      .catch((caught: unknown) => showToast({ title: { error: errorView(caught) } }, 8000));
  return (
    <ModalDialog isOpen onClose={onClose} title={t('details.title', { description: name })}>
      <dl className="details">
        <dt>{t('details.uuid')}</dt>
        <dd>
          <div className="uuid-line">
            <code className="uuid">{row.uuid}</code>
            <Button className="small" onPress={copyUuid}>
              <Copy size={14} aria-hidden />
              {t('details.copyUuid')}
            </Button>
          </div>
          <span className="hint">{t('details.uuidHint')}</span>
        </dd>
        <dt>{t('details.created')}</dt>
        <dd>
          <time dateTime={new Date(row.createdAt).toISOString()}>
            {t('details.createdValue', {
              time: exactTime(row.createdAt),
              ago: formatAgo(row.createdAt, now),
            })}
          </time>
        </dd>
        <V2DetailsEntries row={row} now={now} />
        <dt>{t('details.secret')}</dt>
        <dd>{row.held ? t('details.heldYes') : t('details.heldNo')}</dd>
        <dt>{t('details.signIn')}</dt>
        <dd>{row.isThisDevice ? t('details.signInYes') : t('details.signInNo')}</dd>
        {row.retire && (
          <>
            <dt>{t('details.rotation')}</dt>
            <dd>{t('details.retireValue', { date: formatDateTime(row.retire.since) })}</dd>
          </>
        )}
        <dt>{t('details.revoking')}</dt>
        <dd>{revokeEffect(row)}</dd>
      </dl>
      <div className="actions">
        <Button className="primary" onPress={onClose} autoFocus>
          {t('details.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}
