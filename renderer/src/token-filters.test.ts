import { describe, expect, it } from 'vitest';
import { applyFilter, oldBefore } from './token-filters';
import { TokenList } from './token-list';

const DAY = 24 * 3600_000;
const NOW = 1_800_000_000_000;
const uuid = ['held', 'device', 'listed', 'ancient', 'edge', 'rotated'];
const list = new TokenList({
  profileId: 'p',
  cacheHit: false,
  fetchedAt: NOW,
  uuid,
  description: uuid,
  createdAt: [1, 1, 1, 200, 180, 1].map((days) => NOW - days * DAY),
  held: [0, 1, 5],
  thisDevice: 1,
  retire: [[5, 'x', NOW]],
});
const all = uuid.map((_, at) => at);
const uuids = (positions: number[]) => positions.map((at) => list.uuid(at));

describe('token filters', () => {
  const since = oldBefore(NOW, 180);
  it('all keeps every row, in order', () => {
    expect(applyFilter(list, all, 'all', since)).toBe(all);
  });
  it('held here, not held here and this device', () => {
    expect(uuids(applyFilter(list, all, 'held', since))).toEqual(['held', 'device', 'rotated']);
    expect(uuids(applyFilter(list, all, 'notHeld', since))).toEqual(['listed', 'ancient', 'edge']);
    expect(uuids(applyFilter(list, all, 'thisDevice', since))).toEqual(['device']);
  });
  it('old means older than the threshold, not as old', () => {
    expect(uuids(applyFilter(list, all, 'old', since))).toEqual(['ancient']);
    expect(uuids(applyFilter(list, all, 'old', oldBefore(NOW, 179)))).toEqual(['ancient', 'edge']);
  });
  it('to retire', () => {
    expect(uuids(applyFilter(list, all, 'retire', since))).toEqual(['rotated']);
  });
});
