import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Minus } from 'lucide-react';
import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { TokenRow } from '../../../app/contract';
import type { ShownRows } from '../token-list';
import { t } from '../i18n/i18n';
import { RowKeys } from '../row-keys';
import { RowIconSprite } from './RowIcons';
import { TokenTableRow, type RowActions } from './TokenTableRow';

const ROW_HEIGHT = 44;

interface Props {
  /** The rows shown (sorted, searched, filtered): read by index, made when in view. */
  rows: ShownRows;
  total: number;
  selection: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  /** Stable across renders, so rows can skip re-rendering. */
  onToggle: (uuid: string, selected: boolean) => void;
  onRevoke: (row: TokenRow) => void;
  /** Rotate, details, retire: stable, like the callbacks above. */
  actions: RowActions;
  oldSince: number;
  oldTokenDays: number;
  highlight: string | undefined;
  now: number;
  /** Shown inside the table when there are no rows (no tokens yet, or none matches). */
  empty: ReactNode;
  ref?: Ref<TableHandle>;
  /** mStudio (API v2): an expires column, roles and an edit action per row. */
  v2?: boolean;
  expiringSoonDays?: number;
}

export interface TableHandle {
  /** Moves focus into the first row (the `T` shortcut, ArrowDown from the search field). */
  focusFirstRow(): void;
}

/** What can take focus in a row, in tab order: the same position is kept between rows. */
const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), [tabindex="0"]';

function focusables(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/** A virtualized table: only the rows in view are in the DOM, so 10,000 stay smooth. */
export function TokenTable({
  rows,
  total,
  selection,
  onSelectionChange,
  onToggle,
  onRevoke,
  actions,
  oldSince,
  oldTokenDays,
  highlight,
  now,
  empty,
  ref,
  v2 = false,
  expiringSoonDays,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [rowKeys] = useState(() => new RowKeys());
  // TanStack Virtual returns fresh functions each render; we do not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows mount when scrolled into view; a few beyond the edge keep fast scrolling filled, and
    // every extra row is work on each keystroke of the search.
    overscan: 3,
  });

  useEffect(() => {
    let index = -1;
    if (highlight !== undefined)
      for (let at = 0; at < rows.length && index < 0; at++)
        if (rows.uuid(at) === highlight) index = at;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [highlight, rows, virtualizer]);

  /** Focuses the control at `position` of row `index` once that row is rendered. */
  const focusRow = (index: number, position: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const tryFocus = (attempt: number) => {
      const target = scroller.current?.querySelector(`[aria-rowindex="${index + 2}"]`);
      const controls = target ? focusables(target) : [];
      const control = controls[Math.min(position, controls.length - 1)];
      if (control) {
        control.focus();
        control.scrollIntoView({ block: 'nearest' });
      } else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    tryFocus(0);
  };

  useImperativeHandle(ref, () => ({ focusFirstRow: () => focusRow(0, 0) }));

  // Up and down move between rows, keeping the column; Home and End go to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const focused = document.activeElement;
    // Reached by the skip link: the first arrow press goes to the first row.
    if (focused === frame.current && (event.key === 'ArrowDown' || event.key === 'Home')) {
      event.preventDefault();
      focusRow(0, 0);
      return;
    }
    const row = focused?.closest('[role="row"][aria-rowindex]');
    if (!focused || !row || !scroller.current?.contains(row)) return;
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    const position = focusables(row).findIndex((control) => control === focused);
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? rows.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    focusRow(next, Math.max(0, position));
  };

  // Nothing selected (the usual case while typing): no pass over the rows.
  let selectedShown = 0;
  if (selection.size > 0)
    for (let at = 0; at < rows.length; at++) if (selection.has(rows.uuid(at))) selectedShown++;
  const allSelected = rows.length > 0 && selectedShown === rows.length;
  const someSelected = selectedShown > 0 && !allSelected;
  // Focus moving into a row's menu (a portal, outside this element in the DOM) leaves the row
  // noted: the menu belongs to it.
  const noteFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.target))
      rowKeys.noteFocus(
        event.target.closest('[data-uuid]')?.getAttribute('data-uuid') ?? undefined,
      );
  };
  const items = virtualizer.getVirtualItems().filter((item) => item.index < rows.length);
  const keys = rowKeys.keysFor(items.map((item) => rows.uuid(item.index)));

  const toggleAll = (selected: boolean) => {
    const all = new Set<string>();
    if (selected) for (let at = 0; at < rows.length; at++) all.add(rows.uuid(at));
    onSelectionChange(all);
  };

  return (
    // The skip link's target sits outside role="table" (a focusable box inside it would be
    // neither row nor rowgroup). Capture: a row's copy button is a menu trigger, which
    // would open on ArrowDown.
    <div
      className={v2 ? 'table v2' : 'table'}
      id="token-table"
      tabIndex={-1}
      ref={frame}
      onKeyDownCapture={onKeyDown}
    >
      <div
        className="table-grid"
        role="table"
        aria-label={t('tokens.title')}
        aria-rowcount={rows.length + 1}
      >
        <div role="rowgroup">
          <div className="row header" role="row" aria-rowindex={1}>
            <div className="cell" role="columnheader">
              <label className="checkbox">
                <input
                  type="checkbox"
                  className="visually-hidden"
                  aria-label={t('tokens.selectAll')}
                  checked={allSelected}
                  ref={(input) => {
                    if (input) input.indeterminate = someSelected;
                  }}
                  onChange={(event) => toggleAll(event.target.checked)}
                  disabled={rows.length === 0}
                />
                <span className="box" aria-hidden>
                  {allSelected ? <Check size={12} /> : someSelected ? <Minus size={12} /> : null}
                </span>
              </label>
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.description')}
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.created')}
            </div>
            {v2 && (
              <div className="cell" role="columnheader">
                {t('tokens.column.expires')}
              </div>
            )}
            <div className="cell" role="columnheader">
              {t('tokens.column.secret')}
            </div>
            <div className="cell" role="columnheader">
              {t('tokens.column.actions')}
            </div>
          </div>
        </div>
        <div className="table-scroll" role="presentation" ref={scroller} data-testid="token-scroll">
          {rows.length === 0 && (
            <div role="rowgroup">
              <div role="row" className="empty-row">
                <div role="cell" aria-colspan={v2 ? 6 : 5} className="empty">
                  {empty}
                </div>
              </div>
            </div>
          )}
          {rows.length > 0 && (
            <div
              role="rowgroup"
              style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
              onFocusCapture={noteFocus}
            >
              {items.map((item, at) => {
                const row = rows.row(item.index);
                return (
                  <TokenTableRow
                    key={keys[at]}
                    row={row}
                    index={item.index}
                    start={item.start}
                    selected={selection.has(row.uuid)}
                    highlighted={row.uuid === highlight}
                    now={now}
                    onToggle={onToggle}
                    onRevoke={onRevoke}
                    actions={actions}
                    oldSince={oldSince}
                    oldTokenDays={oldTokenDays}
                    v2={v2}
                    expiringSoonDays={expiringSoonDays}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      <RowIconSprite />
      <div className="table-footer" aria-live="polite">
        {t('tokens.count', { shown: rows.length, total })}
      </div>
    </div>
  );
}
