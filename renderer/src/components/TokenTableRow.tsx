import { memo } from 'react';
import { useLocale } from 'react-aria-components';
import type { TokenRow } from '../../../app/contract';
import { copyToken } from '../copy';
import { formatAgo, formatDateTime, t } from '../i18n/i18n';
import { CopyMenu } from './CopyMenu';
import { RowIcon } from './RowIcons';
import { ExpiresCell, RoleBadges } from './V2TokenCells';

interface Props {
  row: TokenRow;
  index: number;
  /** Offset from the top of the scrolled list, in pixels. */
  start: number;
  selected: boolean;
  highlighted: boolean;
  now: number;
  onToggle: (uuid: string, selected: boolean) => void;
  onRevoke: (row: TokenRow) => void;
  /** Tokens created before this moment are flagged as old. */
  oldSince: number;
  oldTokenDays: number;
  /** Rotate, details and retire; one stable object, so rows can skip re-rendering. */
  actions: RowActions;
  /** mStudio (API v2): roles, an expires column and an edit action. */
  v2?: boolean;
  expiringSoonDays?: number;
}

export interface RowActions {
  onRotate: (row: TokenRow) => void;
  onDetails: (row: TokenRow) => void;
  onRetire: (row: TokenRow) => void;
  /** v2: edit description and expiry. */
  onEdit?: (row: TokenRow) => void;
}

/**
 * One row; memoised, so typing in the search re-renders only rows that changed. Plain native
 * controls (a row mounts on every keystroke that changes the filtered list): labelled, and
 * keyboard-usable as native buttons and checkboxes are; the copy menu mounts only when opened.
 */
export const TokenTableRow = memo(function TokenTableRow({
  row,
  index,
  start,
  selected,
  highlighted,
  now,
  onToggle,
  onRevoke,
  oldSince,
  oldTokenDays,
  actions,
  v2 = false,
  expiringSoonDays = 14,
}: Props) {
  // Memoised, so it reads the language from context: a language change re-renders it.
  useLocale();
  const name = row.description || t('tokens.untitled');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`row${highlighted ? ' highlight' : ''}`}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        transform: `translateY(${start}px)`,
      }}
      data-uuid={row.uuid}
    >
      <div className="cell" role="cell">
        <label className="checkbox">
          <input
            type="checkbox"
            className="visually-hidden"
            aria-label={t('tokens.selectRow', { description: name })}
            checked={selected}
            onChange={(event) => onToggle(row.uuid, event.target.checked)}
          />
          <span className="box" aria-hidden>
            {selected && <RowIcon name="check" size={12} />}
          </span>
        </label>
      </div>
      <div className="cell name" role="cell" title={name}>
        <span className="ellipsis">{name}</span>
        {row.isThisDevice && <span className="badge accent">{t('tokens.thisDevice')}</span>}
        {row.retire && (
          <span
            className="badge warn"
            title={t('tokens.toRetireHint', { date: formatDateTime(row.retire.since) })}
          >
            {t('tokens.toRetire')}
          </span>
        )}
        {v2 && <RoleBadges row={row} />}
      </div>
      <div className="cell" role="cell" title={formatDateTime(row.createdAt)}>
        <span className="ellipsis">{formatAgo(row.createdAt, now)}</span>
        {row.createdAt < oldSince && (
          <span className="badge warn" title={t('tokens.oldHint', { days: oldTokenDays })}>
            {t('tokens.old')}
          </span>
        )}
      </div>
      {v2 && <ExpiresCell row={row} now={now} expiringSoonDays={expiringSoonDays} />}
      <div className="cell" role="cell">
        <span
          className={`badge${row.held ? ' ok' : ''}`}
          title={row.held ? t('tokens.held') : t('tokens.notHeld')}
        >
          {row.held ? t('tokens.held') : t('tokens.notHeld')}
        </span>
      </div>
      <div className="cell actions-cell" role="cell">
        <CopyMenu
          kind={v2 ? 'v2Token' : 'accessToken'}
          label={t('tokens.copyRow', { description: name })}
          onCopy={(format) => void copyToken(row.uuid, format)}
          disabledReason={row.held ? undefined : t('tokens.copyNotHeld')}
        />
        <button
          type="button"
          className="quiet icon"
          aria-label={t('details.row', { description: name })}
          onClick={() => actions.onDetails(row)}
        >
          <RowIcon name="info" />
        </button>
        {v2 && actions.onEdit && (
          <button
            type="button"
            className="quiet icon"
            aria-label={t('edit.row', { description: name })}
            onClick={() => actions.onEdit?.(row)}
          >
            <RowIcon name="pencil" />
          </button>
        )}
        {row.retire ? (
          <button
            type="button"
            className="quiet retire"
            aria-label={t('tokens.retireRow', { description: name })}
            onClick={() => actions.onRetire(row)}
          >
            <RowIcon name="archive" />
            {/* Narrow windows show the icon only; the badge and the label say what it does. */}
            <span className="wide-only">{t('tokens.retire')}</span>
          </button>
        ) : (
          !row.isThisDevice && (
            <button
              type="button"
              className="quiet icon"
              aria-label={t('rotate.row', { description: name })}
              onClick={() => actions.onRotate(row)}
            >
              <RowIcon name="rotate" />
            </button>
          )
        )}
        <button
          type="button"
          className="quiet icon"
          aria-label={t('tokens.revokeRow', { description: name })}
          onClick={() => onRevoke(row)}
        >
          <RowIcon name="trash" />
        </button>
      </div>
    </div>
  );
});
