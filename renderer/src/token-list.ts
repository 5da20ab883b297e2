import type { TokenRow } from '../../app/contract';

export type SortOrder = 'newest' | 'oldest' | 'description';

export interface IndexedRow {
  row: TokenRow;
  /** The description lower-cased once per list, so a keystroke only filters. */
  key: string;
}

/** All rows in the chosen order, each with its search key: once per list or sort change. */
export function sortRows(rows: readonly TokenRow[], sort: SortOrder): IndexedRow[] {
  const sorted = [...rows];
  if (sort === 'description')
    sorted.sort((a, b) => a.description.localeCompare(b.description) || b.createdAt - a.createdAt);
  else {
    const direction = sort === 'newest' ? -1 : 1;
    sorted.sort(
      (a, b) =>
        direction * (a.createdAt - b.createdAt) || a.description.localeCompare(b.description),
    );
  }
  return sorted.map((row) => ({ row, key: row.description.toLocaleLowerCase() }));
}

/** Rows whose description contains the query (case-insensitive), keeping the order. */
export function filterRows(indexed: readonly IndexedRow[], query: string): TokenRow[] {
  const needle = query.trim().toLocaleLowerCase();
  const rows: TokenRow[] = [];
  for (const entry of indexed)
    if (needle === '' || entry.key.includes(needle)) rows.push(entry.row);
  return rows;
}
