import type { TokenRow } from '../../../app/contract';
import { currentLocale, formatDateTime, formatRelative, t } from '../i18n/i18n';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A date without the time ("27 Feb 2027"): fits the column; the title has the exact time. */
function formatDate(ms: number): string {
  const locale = currentLocale();
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(ms);
}

/** A v2 token's roles, as small badges beside its description. */
export function RoleBadges({ row }: { row: TokenRow }) {
  if (!row.roles) return null;
  const names = row.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <span className="role-badges" title={t('tokens.roles', { roles: names })}>
      {row.roles.map((role) => (
        <span key={role} className="badge role">
          {t(`roles.${role}`)}
        </span>
      ))}
    </span>
  );
}

/** When a v2 token expires: relative, the exact date below, and a flag when soon or past. */
export function ExpiresCell({
  row,
  now,
  expiringSoonDays,
}: {
  row: TokenRow;
  now: number;
  expiringSoonDays: number;
}) {
  if (row.expiresAt === undefined)
    return (
      <div className="cell muted" role="cell">
        {t('tokens.never')}
      </div>
    );
  const expired = row.expiresAt <= now;
  const exact = formatDateTime(row.expiresAt);
  const tone = expired ? ' danger' : row.expiringSoon ? ' warn' : '';
  // Two lines: when (relative, tinted when soon or past), then the flag or else the date; the
  // exact time is in the title (and the edit dialog).
  return (
    <div
      className="cell expires"
      role="cell"
      title={
        expired ? t('tokens.expiredOn', { date: exact }) : t('tokens.expiresOn', { date: exact })
      }
    >
      <span className="stack">
        <span className={`when${tone}`}>{formatRelative(row.expiresAt, now)}</span>
        {expired ? (
          <span className="badge danger">{t('tokens.expired')}</span>
        ) : row.expiringSoon ? (
          <span
            className="badge warn"
            title={t('tokens.expiringSoonHint', { days: expiringSoonDays })}
          >
            {t('tokens.expiringSoon')}
          </span>
        ) : (
          <span className="exact">{formatDate(row.expiresAt)}</span>
        )}
      </span>
    </div>
  );
}

/** The details dialog's v2 entries: roles (with their API names) and the exact expiry. */
export function V2DetailsEntries({ row, now }: { row: TokenRow; now: number }) {
  if (!row.roles) return null;
  return (
    <>
      <dt>{t('roles.label')}</dt>
      <dd>{row.roles.map((role) => `${t(`roles.${role}`)} (${role})`).join(', ')}</dd>
      <dt>{t('expiry.label')}</dt>
      <dd>
        {row.expiresAt === undefined ? (
          t('tokens.never')
        ) : (
          <time dateTime={new Date(row.expiresAt).toISOString()}>
            {t('details.createdValue', {
              time: formatDateTime(row.expiresAt),
              ago: formatRelative(row.expiresAt, now),
            })}
          </time>
        )}
      </dd>
    </>
  );
}
