import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../../app/contract';
import { filterRows, sortRows } from './token-list';

const row = (description: string, createdAt: number): TokenRow => ({
  uuid: description,
  description,
  createdAt,
  held: false,
  isThisDevice: false,
});
const rows = [row('CI deploy', 2), row('backup web01', 3), row('Backup db', 1)];

describe('token list', () => {
  it('sorts by created (both ways) and by description', () => {
    expect(filterRows(sortRows(rows, 'newest'), '').map((r) => r.description)).toEqual([
      'backup web01',
      'CI deploy',
      'Backup db',
    ]);
    expect(filterRows(sortRows(rows, 'oldest'), '').map((r) => r.createdAt)).toEqual([1, 2, 3]);
    expect(filterRows(sortRows(rows, 'description'), '').map((r) => r.description)).toEqual([
      'Backup db',
      'backup web01',
      'CI deploy',
    ]);
  });

  it('filters case-insensitively on the description, keeping the order', () => {
    expect(filterRows(sortRows(rows, 'newest'), '  BACKUP ').map((r) => r.description)).toEqual([
      'backup web01',
      'Backup db',
    ]);
    expect(filterRows(sortRows(rows, 'newest'), 'nothing')).toEqual([]);
  });
});
