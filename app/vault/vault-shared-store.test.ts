/**
 * One store, several writers: the GUI and a CLI call (other processes) write the same records.
 * No read-modify-write may lose another's write, a cached record is read again once another
 * process changed it, and a lock left behind by a crashed process is recovered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from './aes-gcm-cipher';
import { FolderStore } from './file-store';
import { Vault } from './vault';

const run = promisify(execFile);
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-shared-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const addHeld = (vault: Vault, name: string) =>
  vault.updateSecrets('p', (record) => ({
    ...record,
    held: { ...record.held, [name]: { secret: '', description: name, storedAt: 0 } },
  }));

const lockPath = (dir: string) => join(dir, 'secrets-p.json.lock');

describe('Vault over a store shared with other processes', () => {
  it('two writers with their own caches, interleaved: no write is lost', async () => {
    const dir = folder();
    const gui = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    const cli = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    // Both have the record cached before either writes, as a running app and a CLI call would.
    await addHeld(gui, 'first');
    await cli.readSecrets('p');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        addHeld(gui, `gui${i}`),
        addHeld(cli, `cli${i}`),
      ]).flat(),
    );
    const names = Object.keys(
      (await new Vault(new FolderStore(dir), gui.cipher).readSecrets('p')).held,
    );
    expect(names).toHaveLength(41);
    expect(readdirSync(dir)).toEqual(['secrets-p.json']);
  });

  it('a cached record another process wrote is read again; an unchanged one is not', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    let reads = 0;
    const counting = Object.assign(Object.create(store) as FolderStore, {
      get: (key: string) => {
        reads += 1;
        return store.get(key);
      },
    });
    const gui = new Vault(counting, new EphemeralAesGcmCipher());
    await addHeld(gui, 'a');
    const before = reads;
    await gui.readSecrets('p');
    await gui.readSecrets('p');
    expect(reads).toBe(before);
    await addHeld(new Vault(new FolderStore(dir), gui.cipher), 'b');
    expect(Object.keys((await gui.readSecrets('p')).held)).toEqual(['a', 'b']);
    expect(reads).toBe(before + 1);
  });

  it('two processes writing at once: every write of both is kept', async () => {
    const dir = folder();
    const writer = join(import.meta.dirname, 'testing', 'shared-writer.ts');
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    await Promise.all([run(tsx, [writer, dir, 'one', '25']), run(tsx, [writer, dir, 'two', '25'])]);
    const record = JSON.parse(readFileSync(join(dir, 'secrets-p.json'), 'utf8')) as {
      held: Record<string, unknown>;
    };
    expect(Object.keys(record.held)).toHaveLength(50);
  });

  it('recovers a lock whose owner is gone, at once', async () => {
    const dir = folder();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), at: 0 }));
    const vault = new Vault(new FolderStore(dir, { timeoutMs: 300 }), new EphemeralAesGcmCipher());
    await addHeld(vault, 'after-crash');
    expect(readdirSync(dir)).toEqual(['secrets-p.json']);
  });

  it('recovers a lock older than any write takes, even if its pid runs', async () => {
    const dir = folder();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), at: 0 }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dir), old, old);
    const vault = new Vault(new FolderStore(dir, { staleMs: 10_000 }), new EphemeralAesGcmCipher());
    await addHeld(vault, 'after-stale');
    expect(readdirSync(dir)).toEqual(['secrets-p.json']);
  });

  it('waits for a live lock, and gives up with a clear error, changing nothing', async () => {
    const dir = folder();
    const vault = new Vault(new FolderStore(dir, { timeoutMs: 150 }), new EphemeralAesGcmCipher());
    await addHeld(vault, 'kept');
    const before = readFileSync(join(dir, 'secrets-p.json'), 'utf8');
    writeFileSync(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), at: 0 }));
    await expect(addHeld(vault, 'blocked')).rejects.toMatchObject({
      kind: 'storage_failed',
      message: expect.stringMatching(/could not be locked/) as unknown,
    });
    expect(readFileSync(join(dir, 'secrets-p.json'), 'utf8')).toBe(before);
    rmSync(lockPath(dir));
    await addHeld(vault, 'later');
    expect(Object.keys((await vault.readSecrets('p')).held)).toEqual(['kept', 'later']);
  });

  it('an unreadable record stays untouched under the lock, and the lock is released', async () => {
    const dir = folder();
    const file = join(dir, 'secrets-p.json');
    for (const content of ['{broken', '{"version":2,"other":"app"}']) {
      writeFileSync(file, content);
      const vault = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
      await expect(addHeld(vault, 'x')).rejects.toMatchObject({ kind: 'vault_unreadable' });
      await expect(vault.deleteSecrets('p')).rejects.toMatchObject({ kind: 'vault_unreadable' });
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(readdirSync(dir)).toEqual(['secrets-p.json']);
    }
  });
});
