import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../../app/contract';
import { applyFilter, oldBefore } from './token-filters';

const DAY = 24 * 3600_000;
const NOW = 1_800_000_000_000;
const row = (uuid: string, patch: Partial<TokenRow> = {}): TokenRow => ({
  uuid,
  description: uuid,
  createdAt: NOW - DAY,
  held: false,
  isThisDevice: false,
  ...patch,
});
const rows = [
  row('held', { held: true }),
  row('device', { held: true, isThisDevice: true }),
  row('listed'),
  row('ancient', { createdAt: NOW - 200 * DAY }),
  row('edge', { createdAt: NOW - 180 * DAY }),
  row('rotated', { held: true, retire: { replacedBy: 'x', since: NOW } }),
];
const uuids = (list: TokenRow[]) => list.map((r) => r.uuid);

describe('token filters', () => {
  const since = oldBefore(NOW, 180);
  it('all keeps every row, in order', () => {
    expect(applyFilter(rows, 'all', since)).toBe(rows);
  });
  it('held here, not held here and this device', () => {
    expect(uuids(applyFilter(rows, 'held', since))).toEqual(['held', 'device', 'rotated']);
    expect(uuids(applyFilter(rows, 'notHeld', since))).toEqual(['listed', 'ancient', 'edge']);
    expect(uuids(applyFilter(rows, 'thisDevice', since))).toEqual(['device']);
  });
  it('old means older than the threshold, not as old', () => {
    expect(uuids(applyFilter(rows, 'old', since))).toEqual(['ancient']);
    expect(uuids(applyFilter(rows, 'old', oldBefore(NOW, 179)))).toEqual(['ancient', 'edge']);
  });
  it('to retire', () => {
    expect(uuids(applyFilter(rows, 'retire', since))).toEqual(['rotated']);
  });
});
