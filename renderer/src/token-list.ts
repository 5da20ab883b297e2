import type { TokenRow } from '../../app/contract';

export type SortOrder = 'newest' | 'oldest' | 'description';

/** Rows matching the query (case-insensitive, in the description), in the chosen order. */
export function visibleRows(rows: readonly TokenRow[], query: string, sort: SortOrder): TokenRow[] {
  const needle = query.trim().toLocaleLowerCase();
  const matching =
    needle === ''
      ? [...rows]
      : rows.filter((row) => row.description.toLocaleLowerCase().includes(needle));
  if (sort === 'description')
    return matching.sort(
      (a, b) => a.description.localeCompare(b.description) || b.createdAt - a.createdAt,
    );
  const direction = sort === 'newest' ? -1 : 1;
  return matching.sort(
    (a, b) => direction * (a.createdAt - b.createdAt) || a.description.localeCompare(b.description),
  );
}
