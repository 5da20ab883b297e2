/**
 * The expiry rules of v2 tokens on their own: the expiring-soon flag and its threshold, when
 * this device's renewal is offered, what a replacement inherits, and who can make one.
 */
import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../contract';
import { DEFAULT_SETTINGS, type SettingsRecord } from '../vault/records';
import {
  canMakeSuccessor,
  DAY_MS,
  expiringSoonDays,
  flagExpiring,
  renewFrom,
  rotation,
} from './token-expiry';

const NOW = Date.UTC(2026, 10, 1);

function source(settings: Partial<SettingsRecord> | 'unreadable' = {}) {
  let reads = 0;
  return {
    clock: () => NOW,
    vault: {
      readSettings: () => {
        reads += 1;
        return settings === 'unreadable'
          ? Promise.reject(new Error('unreadable'))
          : Promise.resolve({ ...DEFAULT_SETTINGS, ...settings });
      },
    },
    reads: () => reads,
  };
}

const row = (uuid: string, expiresAt?: number): TokenRow => ({
  uuid,
  description: uuid,
  createdAt: NOW - DAY_MS,
  held: false,
  isThisDevice: false,
  ...(expiresAt !== undefined && { expiresAt }),
});

describe('expiring soon', () => {
  it('uses the settings’ threshold, and 14 days when they are unreadable or say none', async () => {
    expect(await expiringSoonDays(source({ expiringSoonDays: 3 }))).toBe(3);
    expect(await expiringSoonDays(source())).toBe(14);
    expect(await expiringSoonDays(source('unreadable'))).toBe(14);
  });

  it('flags a row expiring within the threshold, its last moment included', async () => {
    const rows = [
      row('at-horizon', NOW + 3 * DAY_MS),
      row('after', NOW + 3 * DAY_MS + 1),
      row('never'),
    ];
    const flagged = await flagExpiring(source({ expiringSoonDays: 3 }), rows);
    expect(flagged.map((r) => [r.uuid, r.expiringSoon])).toEqual([
      ['at-horizon', true],
      ['after', false],
      ['never', undefined],
    ]);
    // A row without an expiry is passed on as it was.
    expect(flagged[2]).toBe(rows[2]);
  });

  it('a list without any expiry (all of v1) is passed on as it is, without reading settings', async () => {
    const settings = source();
    const rows = [row('a'), row('b')];
    expect(await flagExpiring(settings, rows)).toBe(rows);
    expect(settings.reads()).toBe(0);
  });
});

describe('renewFrom', () => {
  it('is the threshold before expiry, but not before half the lifetime has passed', async () => {
    const settings = source({ expiringSoonDays: 14 });
    expect(await renewFrom(settings, undefined, NOW)).toBeUndefined();
    // Born unknown, or at or after its expiry (a clock gone wrong): the threshold alone.
    expect(await renewFrom(settings, NOW + 7 * DAY_MS)).toBe(NOW - 7 * DAY_MS);
    expect(await renewFrom(settings, NOW + 7 * DAY_MS, NOW + 7 * DAY_MS)).toBe(NOW - 7 * DAY_MS);
    expect(await renewFrom(settings, NOW + 7 * DAY_MS, NOW + 8 * DAY_MS)).toBe(NOW - 7 * DAY_MS);
    // 7 days from now: half of it (3.5 days) is later than 14 days before.
    expect(await renewFrom(settings, NOW + 7 * DAY_MS, NOW)).toBe(NOW + 3.5 * DAY_MS);
    // 90 days: 14 days before (day 76) is later than half (day 45).
    expect(await renewFrom(settings, NOW + 90 * DAY_MS, NOW)).toBe(NOW + 76 * DAY_MS);
  });
});

describe('rotation', () => {
  it('keeps the roles and the lifetime, counted from now', () => {
    const later = NOW + 100 * DAY_MS;
    expect(
      rotation({ roles: ['api_read'], createdAt: NOW, expiresAt: NOW + 30 * DAY_MS }, later),
    ).toStrictEqual({ roles: ['api_read'], expiresAt: later + 30 * DAY_MS });
    // Born when stored, if its creation is not known.
    expect(rotation({ storedAt: NOW, expiresAt: NOW + DAY_MS }, later)).toStrictEqual({
      expiresAt: later + DAY_MS,
    });
    expect(
      rotation({ createdAt: NOW, storedAt: NOW - DAY_MS, expiresAt: NOW + DAY_MS }, later),
    ).toStrictEqual({ expiresAt: later + DAY_MS });
  });

  it('gives no expiry where no lifetime can be told: none, no birth, or none left at birth', () => {
    expect(rotation(undefined, NOW)).toStrictEqual({});
    expect(rotation({ createdAt: NOW }, NOW)).toStrictEqual({});
    expect(rotation({ expiresAt: NOW + DAY_MS }, NOW)).toStrictEqual({});
    expect(rotation({ createdAt: NOW, expiresAt: NOW }, NOW)).toStrictEqual({});
    expect(rotation({ createdAt: NOW, expiresAt: NOW - 1 }, NOW)).toStrictEqual({});
  });
});

describe('canMakeSuccessor', () => {
  it('needs api_write; roles not known count as both', () => {
    expect(canMakeSuccessor(['api_read', 'api_write'])).toBe(true);
    expect(canMakeSuccessor(['api_write'])).toBe(true);
    expect(canMakeSuccessor(['api_read'])).toBe(false);
    expect(canMakeSuccessor([])).toBe(false);
    expect(canMakeSuccessor(undefined)).toBe(true);
  });
});
