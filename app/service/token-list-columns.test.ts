import { describe, expect, it } from 'vitest';
import { tokenListColumnsSchema, type TokenListView } from '../contract';
import { fromColumns, toColumns } from './token-list-columns';

const v1: TokenListView = {
  profileId: 'p1',
  cacheHit: true,
  fetchedAt: 1_000,
  tokens: [
    { uuid: 'a', description: 'CI deploy', createdAt: 3, held: true, isThisDevice: false },
    { uuid: 'b', description: 'this laptop', createdAt: 2, held: true, isThisDevice: true },
    {
      uuid: 'c',
      description: 'old one',
      createdAt: 1,
      held: false,
      isThisDevice: false,
      retire: { replacedBy: 'a', since: 900 },
    },
  ],
};
const v2: TokenListView = {
  profileId: 'p2',
  cacheHit: false,
  fetchedAt: 2_000,
  tokens: [
    {
      uuid: 'x',
      description: 'reader',
      createdAt: 5,
      held: false,
      isThisDevice: false,
      roles: ['api_read'],
      expiresAt: 3_000,
      expiringSoon: true,
    },
    {
      uuid: 'y',
      description: 'writer',
      createdAt: 4,
      held: true,
      isThisDevice: false,
      roles: ['api_read', 'api_write'],
    },
  ],
};

describe('the list answer in columns', () => {
  it('holds every field of every token: decoded, it is the list it was made from', () => {
    for (const view of [v1, v2, { ...v1, tokens: [] }]) {
      const columns = toColumns(view);
      expect(tokenListColumnsSchema.safeParse(columns).success).toBe(true);
      expect(fromColumns(columns)).toEqual(view);
    }
  });

  it('sends v1 lists without the v2 columns, and the marks by position', () => {
    const columns = toColumns(v1);
    expect(columns).not.toHaveProperty('roles');
    expect(columns).not.toHaveProperty('expiresAt');
    expect(columns).toMatchObject({ held: [0, 1], thisDevice: 1, retire: [[2, 'a', 900]] });
  });

  it('is refused when a column or a position does not fit the list', () => {
    const good = toColumns(v2);
    for (const broken of [
      { ...good, createdAt: [5] },
      { ...good, held: [2] },
      { ...good, expiresAt: [null] },
      { ...good, thisDevice: 7 },
      { ...good, roles: [1, 4] },
    ])
      expect(tokenListColumnsSchema.safeParse(broken).success).toBe(false);
  });
});
