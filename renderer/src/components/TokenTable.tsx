import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Minus, Trash2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import type { TokenRow } from '../../../app/contract';
import { copyToken } from '../copy';
import { formatDateTime, formatRelative, t } from '../i18n/i18n';
import { CopyMenu } from './CopyMenu';

const ROW_HEIGHT = 44;

interface Props {
  rows: TokenRow[];
  total: number;
  selection: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  onRevoke: (row: TokenRow) => void;
  highlight: string | undefined;
  now: number;
}

/** A virtualized table: only the rows in view are in the DOM, so 10,000 stay smooth. */
export function TokenTable({
  rows,
  total,
  selection,
  onSelectionChange,
  onRevoke,
  highlight,
  now,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render; we do not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    const index = highlight === undefined ? -1 : rows.findIndex((row) => row.uuid === highlight);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [highlight, rows, virtualizer]);

  const allSelected = rows.length > 0 && rows.every((row) => selection.has(row.uuid));
  const someSelected = !allSelected && rows.some((row) => selection.has(row.uuid));
  const toggleAll = (selected: boolean) =>
    onSelectionChange(selected ? new Set(rows.map((row) => row.uuid)) : new Set());
  const toggle = (uuid: string, selected: boolean) => {
    const next = new Set(selection);
    if (selected) next.add(uuid);
    else next.delete(uuid);
    onSelectionChange(next);
  };

  return (
    <div className="table">
      <div
        className="table-grid"
        role="table"
        aria-label={t('tokens.title')}
        aria-rowcount={rows.length + 1}
      >
        <div role="rowgroup">
          <div className="row header" role="row" aria-rowindex={1}>
            <div className="cell" role="columnheader">
              <Checkbox
                className="checkbox"
                aria-label={t('tokens.selectAll')}
                isSelected={allSelected}
                isIndeterminate={someSelected}
                onChange={toggleAll}
                isDisabled={rows.length === 0}
              >
                <span className="box" aria-hidden>
                  {allSelected ? <Check size={12} /> : someSelected ? <Minus size={12} /> : null}
                </span>
              </Checkbox>
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.description')}
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.created')}
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.secret')}
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.actions')}
            </div>
          </div>
        </div>
        <div className="table-scroll" role="presentation" ref={scroller} data-testid="token-scroll">
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const name = row.description || t('tokens.untitled');
              const selected = selection.has(row.uuid);
              return (
                <div
                  key={row.uuid}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={`row${row.uuid === highlight ? ' highlight' : ''}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${item.start}px)`,
                  }}
                  data-uuid={row.uuid}
                >
                  <div className="cell" role="cell">
                    <Checkbox
                      className="checkbox"
                      aria-label={t('tokens.selectRow', { description: name })}
                      isSelected={selected}
                      onChange={(value) => toggle(row.uuid, value)}
                    >
                      <span className="box" aria-hidden>
                        {selected && <Check size={12} />}
                      </span>
                    </Checkbox>
                  </div>
                  <div className="cell" role="cell" title={name}>
                    <span>{name}</span>
                    {row.isThisDevice && (
                      <span className="badge accent">{t('tokens.thisDevice')}</span>
                    )}
                  </div>
                  <div className="cell" role="cell" title={formatDateTime(row.createdAt)}>
                    {formatRelative(row.createdAt, now)}
                  </div>
                  <div className="cell" role="cell">
                    <span className={`badge${row.held ? ' ok' : ''}`}>
                      {row.held ? t('tokens.held') : t('tokens.notHeld')}
                    </span>
                  </div>
                  <div className="cell" role="cell">
                    <CopyMenu
                      label={t('tokens.copyRow', { description: name })}
                      onCopy={(format) => void copyToken(row.uuid, format)}
                      disabledReason={row.held ? undefined : t('tokens.copyNotHeld')}
                    />
                    <Button
                      className="quiet icon"
                      aria-label={t('tokens.revokeRow', { description: name })}
                      onPress={() => onRevoke(row)}
                    >
                      <Trash2 size={16} aria-hidden />
                    </Button>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="table-footer" aria-live="polite">
        {t('tokens.count', { shown: rows.length, total })}
      </div>
    </div>
  );
}
