import { describe, expect, it } from 'vitest';
import type { TokenListColumns } from '../../app/contract';
import { filterRows, sortRows, TokenList } from './token-list';

const columns = (over: Partial<TokenListColumns> = {}): TokenListColumns => ({
  profileId: 'p',
  cacheHit: false,
  fetchedAt: 10,
  uuid: ['a', 'b', 'c'],
  description: ['CI deploy', 'backup web01', 'Backup db'],
  createdAt: [2, 3, 1],
  held: [],
  retire: [],
  ...over,
});
const list = new TokenList(columns());
const described = (positions: number[]) => positions.map((at) => list.row(at).description);

describe('token list', () => {
  it('sorts by created (both ways) and by description', () => {
    expect(described(filterRows(list, sortRows(list, 'newest'), ''))).toEqual([
      'backup web01',
      'CI deploy',
      'Backup db',
    ]);
    expect(sortRows(list, 'oldest').map((at) => list.createdAt(at))).toEqual([1, 2, 3]);
    expect(described(sortRows(list, 'description'))).toEqual([
      'Backup db',
      'backup web01',
      'CI deploy',
    ]);
  });

  it('filters case-insensitively on the description, keeping the order', () => {
    expect(described(filterRows(list, sortRows(list, 'newest'), '  BACKUP '))).toEqual([
      'backup web01',
      'Backup db',
    ]);
    expect(filterRows(list, sortRows(list, 'newest'), 'nothing')).toEqual([]);
  });

  it('reads each row from the columns, marks included, and keeps it once made', () => {
    const v2 = new TokenList(
      columns({
        held: [0, 2],
        thisDevice: 2,
        retire: [[0, 'b', 7]],
        roles: [1, 3, 2],
        expiresAt: [null, 50, 20],
        expiringSoon: [2],
      }),
    );
    expect(v2.row(0)).toEqual({
      uuid: 'a',
      description: 'CI deploy',
      createdAt: 2,
      held: true,
      isThisDevice: false,
      retire: { replacedBy: 'b', since: 7 },
      roles: ['api_read'],
    });
    expect(v2.row(1)).toMatchObject({ held: false, roles: ['api_read', 'api_write'] });
    expect(v2.row(1)).toMatchObject({ expiresAt: 50, expiringSoon: false });
    expect(v2.row(2)).toMatchObject({
      isThisDevice: true,
      roles: ['api_write'],
      expiringSoon: true,
    });
    expect(v2.row(2)).toBe(v2.row(2));
    expect(v2.indexOf('c')).toBe(2);
    expect(v2.rowsOf(new Set(['c', 'a'])).map((r) => r.uuid)).toEqual(['a', 'c']);
  });

  it('refuses a list whose columns do not hold together', () => {
    expect(() => new TokenList(columns({ createdAt: [1, 2] }))).toThrow();
    expect(() => new TokenList(columns({ held: [3] }))).toThrow();
    expect(() => new TokenList(columns({ thisDevice: -1 }))).toThrow();
    expect(() => new TokenList(columns({ retire: [[5, 'x', 1]] }))).toThrow();
  });
});
