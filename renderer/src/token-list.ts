import type { TokenListColumns, TokenRow } from '../../app/contract';
import { API_TOKEN_ROLES } from '../../app/contract-names';

export type SortOrder = 'newest' | 'oldest' | 'description';

/**
 * The list as the host sent it (one array per field), read by position. A row object is made
 * only for a row that is shown or acted on, once per list; the search keys (lower-cased
 * descriptions) once per list, so a keystroke only filters.
 */
export class TokenList {
  readonly count: number;
  private readonly rows: (TokenRow | undefined)[];
  private readonly held: Uint8Array;
  private readonly soon: Uint8Array;
  private readonly retiring = new Map<number, { replacedBy: string; since: number }>();
  private keys: string[] | undefined;
  private positions: Map<string, number> | undefined;

  constructor(readonly columns: TokenListColumns) {
    const n = columns.uuid.length;
    // A cheap check of the shape (the host made it from checked data): every column as long
    // as the list, every position in it. A broken answer fails here, not as a blank row.
    const lengths = [columns.description, columns.createdAt, columns.roles, columns.expiresAt];
    const marks = [...columns.held, ...(columns.expiringSoon ?? [])];
    for (const [at] of columns.retire) marks.push(at);
    if (columns.thisDevice !== undefined) marks.push(columns.thisDevice);
    if (
      lengths.some((column) => column !== undefined && column.length !== n) ||
      marks.some((at) => !Number.isInteger(at) || at < 0 || at >= n)
    )
      throw new Error('The token list does not hold together.');
    this.count = n;
    this.rows = new Array<TokenRow | undefined>(n);
    this.held = new Uint8Array(n);
    for (const at of columns.held) this.held[at] = 1;
    this.soon = new Uint8Array(n);
    for (const at of columns.expiringSoon ?? []) this.soon[at] = 1;
    for (const [at, replacedBy, since] of columns.retire)
      this.retiring.set(at, { replacedBy, since });
  }

  get profileId(): string {
    return this.columns.profileId;
  }
  get fetchedAt(): number {
    return this.columns.fetchedAt;
  }
  get cacheHit(): boolean {
    return this.columns.cacheHit;
  }

  uuid(at: number): string {
    return this.columns.uuid[at] ?? '';
  }
  createdAt(at: number): number {
    return this.columns.createdAt[at] ?? 0;
  }
  isHeld(at: number): boolean {
    return this.held[at] === 1;
  }
  isThisDevice(at: number): boolean {
    return this.columns.thisDevice === at;
  }
  isRetiring(at: number): boolean {
    return this.retiring.has(at);
  }

  /** The row at a position, made on first use and kept (a memoised table row stays put). */
  row(at: number): TokenRow {
    const made = this.rows[at];
    if (made) return made;
    const { columns } = this;
    const retire = this.retiring.get(at);
    const bits = columns.roles?.[at];
    const expiresAt = columns.expiresAt?.[at];
    const row: TokenRow = {
      uuid: this.uuid(at),
      description: columns.description[at] ?? '',
      createdAt: this.createdAt(at),
      held: this.isHeld(at),
      isThisDevice: this.isThisDevice(at),
      ...(retire && { retire }),
      ...(bits !== undefined && {
        roles: API_TOKEN_ROLES.filter((_, i) => (bits & (1 << i)) !== 0),
      }),
      ...(expiresAt != null && { expiresAt, expiringSoon: this.soon[at] === 1 }),
    };
    this.rows[at] = row;
    return row;
  }

  /** Lower-cased descriptions, made on the first search or sort that needs them. */
  searchKeys(): string[] {
    this.keys ??= this.columns.description.map((d) => d.toLocaleLowerCase());
    return this.keys;
  }

  indexOf(uuid: string): number {
    this.positions ??= new Map(this.columns.uuid.map((id, at) => [id, at]));
    return this.positions.get(uuid) ?? -1;
  }

  /** The rows with these uuids, in list order. */
  rowsOf(uuids: ReadonlySet<string>): TokenRow[] {
    const found: TokenRow[] = [];
    if (uuids.size === 0) return found;
    for (let at = 0; at < this.count; at++) if (uuids.has(this.uuid(at))) found.push(this.row(at));
    return found;
  }
}

/** Positions in the chosen order: once per list or sort change. */
export function sortRows(list: TokenList, sort: SortOrder): number[] {
  const order = Array.from({ length: list.count }, (_, at) => at);
  const { description, createdAt } = list.columns;
  const byText = (a: number, b: number) =>
    (description[a] ?? '').localeCompare(description[b] ?? '');
  const byTime = (a: number, b: number) => (createdAt[a] ?? 0) - (createdAt[b] ?? 0);
  if (sort === 'description') order.sort((a, b) => byText(a, b) || byTime(b, a));
  else {
    const direction = sort === 'newest' ? -1 : 1;
    order.sort((a, b) => direction * byTime(a, b) || byText(a, b));
  }
  return order;
}

/** Positions whose description contains the query (case-insensitive), keeping the order. */
export function filterRows(list: TokenList, order: readonly number[], query: string): number[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return order as number[];
  const keys = list.searchKeys();
  const kept: number[] = [];
  for (const at of order) if (keys[at]?.includes(needle)) kept.push(at);
  return kept;
}

/** The rows shown, in order: what the table reads (it makes only the visible rows). */
export interface ShownRows {
  readonly length: number;
  uuid(index: number): string;
  row(index: number): TokenRow;
}

export function shownRows(list: TokenList | undefined, positions: readonly number[]): ShownRows {
  return {
    length: list ? positions.length : 0,
    uuid: (index) => list?.uuid(positions[index] ?? -1) ?? '',
    row: (index) => (list as TokenList).row(positions[index] ?? -1),
  };
}
