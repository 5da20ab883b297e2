import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Minus } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Checkbox } from 'react-aria-components';
import type { TokenRow } from '../../../app/contract';
import { t } from '../i18n/i18n';
import { TokenTableRow } from './TokenTableRow';

const ROW_HEIGHT = 44;

interface Props {
  rows: TokenRow[];
  total: number;
  selection: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  /** Stable across renders, so rows can skip re-rendering. */
  onToggle: (uuid: string, selected: boolean) => void;
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
  onToggle,
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
              return (
                row && (
                  <TokenTableRow
                    key={row.uuid}
                    row={row}
                    index={item.index}
                    start={item.start}
                    selected={selection.has(row.uuid)}
                    highlighted={row.uuid === highlight}
                    now={now}
                    onToggle={onToggle}
                    onRevoke={onRevoke}
                  />
                )
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
