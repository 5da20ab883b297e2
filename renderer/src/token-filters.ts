import type { TokenList } from './token-list';

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

export function matchesFilter(
  list: TokenList,
  at: number,
  filter: TokenFilter,
  oldSince: number,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'held':
      return list.isHeld(at);
    case 'notHeld':
      return !list.isHeld(at);
    case 'thisDevice':
      return list.isThisDevice(at);
    case 'old':
      return list.createdAt(at) < oldSince;
    case 'retire':
      return list.isRetiring(at);
  }
}

/** The positions the filter keeps, in their order; the same array when nothing is filtered. */
export function applyFilter(
  list: TokenList,
  positions: number[],
  filter: TokenFilter,
  oldSince: number,
): number[] {
  return filter === 'all'
    ? positions
    : positions.filter((at) => matchesFilter(list, at, filter, oldSince));
}
