import type { TokenRow } from '../../app/contract';

/** Which rows the list shows, besides the search. */
export type TokenFilter = 'all' | 'held' | 'notHeld' | 'thisDevice' | 'old' | 'retire';

export const TOKEN_FILTERS: readonly TokenFilter[] = [
  'all',
  'held',
  'notHeld',
  'thisDevice',
  'old',
  'retire',
];

const DAY_MS = 24 * 3600_000;

/** Tokens created before this moment are old (older than `days` days at `now`). */
export function oldBefore(now: number, days: number): number {
  return now - days * DAY_MS;
}

export function matchesFilter(row: TokenRow, filter: TokenFilter, oldSince: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'held':
      return row.held;
    case 'notHeld':
      return !row.held;
    case 'thisDevice':
      return row.isThisDevice;
    case 'old':
      return row.createdAt < oldSince;
    case 'retire':
      return row.retire !== undefined;
  }
}

/** The rows the filter keeps, in their order; the same array when nothing is filtered. */
export function applyFilter(rows: TokenRow[], filter: TokenFilter, oldSince: number): TokenRow[] {
  return filter === 'all' ? rows : rows.filter((row) => matchesFilter(row, filter, oldSince));
}
