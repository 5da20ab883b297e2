/**
 * The electron-store adapter shared by the app and a CLI call: two stores on one file (conf,
 * the engine under electron-store, with its real file handling), each with its own vault, as
 * two processes would have. No write may be lost; a write of the other is seen.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from '../../app/vault/aes-gcm-cipher';
import { Vault } from '../../app/vault/vault';
import { ElectronStoreAdapter } from './adapters';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function twoProcesses(): [Vault, Vault, string] {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-estore-'));
  dirs.push(dir);
  const open = () =>
    new ElectronStoreAdapter(
      new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'mwtokens-data',
        projectName: 'x',
      }),
    );
  const cipher = new EphemeralAesGcmCipher();
  return [new Vault(open(), cipher), new Vault(open(), cipher), dir];
}

const addHeld = (vault: Vault, profile: string, name: string) =>
  vault.updateSecrets(profile, (record) => ({
    ...record,
    held: { ...record.held, [name]: { secret: '', description: name, storedAt: 0 } },
  }));

describe('ElectronStoreAdapter shared with another process', () => {
  it('writes of two stores on one file, to one key and to others, are all kept', async () => {
    const [gui, cli, dir] = twoProcesses();
    await gui.readSecrets('p');
    await cli.readSecrets('p');
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => [
        addHeld(gui, 'p', `gui${i}`),
        addHeld(cli, 'p', `cli${i}`),
        addHeld(cli, 'q', `other${i}`),
      ]).flat(),
    );
    expect(Object.keys((await gui.readSecrets('p')).held)).toHaveLength(30);
    expect(Object.keys((await cli.readSecrets('q')).held)).toHaveLength(15);
    expect(readdirSync(dir)).toEqual(['mwtokens-data.json']);
  });

  it('two processes writing the file at once: every write of both is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mwtokens-estore-'));
    dirs.push(dir);
    const writer = join(import.meta.dirname, 'testing', 'shared-store-writer.ts');
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const run = promisify(execFile);
    await Promise.all([run(tsx, [writer, dir, 'gui', '25']), run(tsx, [writer, dir, 'cli', '25'])]);
    const file = JSON.parse(readFileSync(join(dir, 'mwtokens-data.json'), 'utf8')) as {
      'secrets-p': { held: Record<string, unknown> };
    };
    expect(Object.keys(file['secrets-p'].held)).toHaveLength(50);
  });

  it('a record the other wrote is seen on the next read', async () => {
    const [gui, cli] = twoProcesses();
    await addHeld(gui, 'p', 'a');
    expect(Object.keys((await cli.readSecrets('p')).held)).toEqual(['a']);
    await addHeld(cli, 'p', 'b');
    expect(Object.keys((await gui.readSecrets('p')).held)).toEqual(['a', 'b']);
  });

  it('a data file another writer left unparsable: reported, untouched, its text never quoted', async () => {
    const [gui, , dir] = twoProcesses();
    await addHeld(gui, 'p', 'a');
    const file = join(dir, 'mwtokens-data.json');
    writeFileSync(file, '{"secrets-p": MW_half_written');
    const error: unknown = await gui.readSecrets('p').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'vault_unreadable' });
    expect((error as Error).message).not.toContain('MW_half');
    await expect(addHeld(gui, 'p', 'b')).rejects.toMatchObject({ kind: 'vault_unreadable' });
    expect(readFileSync(file, 'utf8')).toBe('{"secrets-p": MW_half_written');
  });
});
