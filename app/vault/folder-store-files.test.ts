/**
 * FolderStore on disk: it makes its own folder private, lists only finished records (never a
 * temp file left by a crash mid-write), treats a missing folder as empty, and passes on a read
 * failure it does not understand instead of calling the record missing.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderStore } from './file-store';
import { UnreadableRecord } from './ports';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-store-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('FolderStore', () => {
  it('creates a missing folder (and its parents) readable by the owner only', async () => {
    const dir = join(folder(), 'nested', 'store');
    const store = new FolderStore(dir);
    expect(await store.keys()).toEqual([]);
    expect(await store.get('settings')).toBeUndefined();
    await store.set('settings', { version: 1 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await store.get('settings')).toEqual({ version: 1 });
  });

  it('lists only finished records: no temp files, no foreign files, keys decoded', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    await store.set('secrets-a/b', { n: 1 });
    writeFileSync(join(dir, 'profiles.json.1a2b3c.tmp'), '{"half":');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    expect(await store.keys()).toEqual(['secrets-a/b']);
    // The temp file is left for the user to inspect, never read as a record.
    expect(await store.get('profiles')).toBeUndefined();
  });

  it('stores JSON that reads back exactly, and deleting leaves nothing behind', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    const value = { text: 'ä “quoted” \n', list: [1, null, true], nested: { a: [] } };
    await store.set('k', value);
    expect(await store.get('k')).toEqual(value);
    await store.delete('k');
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.get('k')).toBeUndefined();
  });

  it('an empty file is unreadable, not missing', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), '');
    const value = await new FolderStore(dir).get('settings');
    expect(value).toBeInstanceOf(UnreadableRecord);
    expect((value as UnreadableRecord).reason).toBe('the file is not JSON');
  });

  it('a read that fails for another reason than a missing file is passed on', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'settings.json'));
    await expect(new FolderStore(dir).get('settings')).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('a stamp: none for a missing record, a new one for each write, a failure passed on', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    expect(await store.stamp('settings')).toBeUndefined();
    await store.set('settings', { version: 1 });
    const first = await store.stamp('settings');
    expect(first).toEqual(expect.any(String));
    expect(await store.stamp('settings')).toBe(first);
    await store.set('settings', { version: 1 });
    expect(await store.stamp('settings')).not.toBe(first);
    // A folder that is a file: the record is not missing, it cannot be looked at.
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    await expect(new FolderStore(file).stamp('settings')).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
  });

  // Every write opens a file; one left open per write would run the app out of descriptors.
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file it wrote, every time', async () => {
    const store = new FolderStore(folder());
    const open = () => readdirSync('/proc/self/fd').length;
    await store.set('warm-up', { n: 0 });
    const before = open();
    for (let n = 1; n <= 40; n++) await store.set(`k${n % 4}`, { n });
    expect(open() - before).toBeLessThan(10);
  });
});
