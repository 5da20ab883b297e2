import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';
import { csvCell, exportTokens } from './token-export';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 29);
const row = (description: string, createdAt: number) => ({
  uuid: `u-${description.length}`,
  description,
  createdAt,
  held: true,
  isThisDevice: false,
});

describe('token export', () => {
  it('writes CSV with a header, ages in days, and cells quoted as RFC 4180 asks', () => {
    const file = exportTokens([row('CI, "prod"', now - 200 * DAY)], 'csv', now, 'My Profile');
    expect(file).toMatchObject({
      fileName: 'mwtokens-my-profile-2026-11-29.csv',
      mimeType: 'text/csv',
    });
    expect(file.content).toBe(
      'uuid,description,created,heldHere,thisDevice,ageDays\r\n' +
        `u-10,"CI, ""prod""",${new Date(now - 200 * DAY).toISOString()},true,false,200\r\n`,
    );
  });

  it('defuses spreadsheet formulas in descriptions', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes JSON with the same fields', () => {
    const file = exportTokens([row('a', now)], 'json', now, '');
    expect(JSON.parse(file.content)).toEqual([
      {
        uuid: 'u-1',
        description: 'a',
        created: new Date(now).toISOString(),
        heldHere: true,
        thisDevice: false,
        ageDays: 0,
      },
    ]);
    expect(file.fileName).toBe('mwtokens-profile-2026-11-29.json');
  });

  it('through the service: the shown list, and never a secret (the leak check reads the answer)', async () => {
    const h = await startService();
    await signedIn(h);
    await h.ok('tokens:create', { description: 'CI deploy' });
    await h.ok('tokens:list');
    const before = h.sandbox.countRequests();
    const file = await h.ok('tokens:export', { format: 'csv' });
    expect(h.sandbox.countRequests()).toBe(before);
    expect(file.content.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(file.content).toContain('CI deploy');
  });
});
