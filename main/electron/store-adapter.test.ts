/**
 * The electron-store adapter's edges: a store that fails for reasons other than a broken file
 * passes its error on; without a file path the adapter is the only writer (no lock file, a
 * constant stamp); with one, the stamp changes with every write and a missing file has none,
 * and lock calls of one process run one after another, a failed one not blocking the next.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { UnreadableRecord } from '../../app/vault/ports';
import { ElectronStoreAdapter, type StoreApi } from './adapters';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function failingStore(error: unknown): StoreApi {
  return {
    get: () => {
      throw error;
    },
    set: () => undefined,
    delete: () => undefined,
    store: {},
  };
}

function memoryStore(): StoreApi {
  const data: Record<string, unknown> = {};
  return {
    get: (k) => data[k],
    set: (k, v) => void (data[k] = v),
    delete: (k) => void delete data[k],
    store: data,
  };
}

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-adapter-'));
  dirs.push(dir);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'data',
    projectName: 'x',
  });
  return { conf, dir };
}

describe('ElectronStoreAdapter', () => {
  it('passes a store failure on as it is; something thrown that is no Error as a store failure', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    await expect(new ElectronStoreAdapter(failingStore(denied)).get('k')).rejects.toBe(denied);
    await expect(new ElectronStoreAdapter(failingStore('nope')).get('k')).rejects.toThrow(
      'the store failed',
    );
  });

  it('without a file it is the only writer: work runs unlocked, the stamp never changes', async () => {
    const adapter = new ElectronStoreAdapter(memoryStore());
    expect(await adapter.lock('k', () => Promise.resolve('done'))).toBe('done');
    const before = await adapter.stamp();
    await adapter.set('k', 1);
    expect(await adapter.stamp()).toBe(before);
    expect(before).toBe('only-writer');
  });

  it('with a file, the stamp changes with each write; a file not yet written has none', async () => {
    const { conf } = fileStore();
    rmSync(conf.path, { force: true });
    const adapter = new ElectronStoreAdapter(conf);
    expect(await adapter.stamp()).toBeUndefined();
    await adapter.set('k', 1);
    const first = await adapter.stamp();
    expect(first).toMatch(/^\d+:\d+:\d+:\d+$/);
    await adapter.set('k', 22);
    expect(await adapter.stamp()).not.toBe(first);
  });

  it('a file path that cannot be looked at is an error, not "no file"', async () => {
    const { conf } = fileStore();
    conf.set('k', 1);
    const adapter = new ElectronStoreAdapter({
      get: (k) => conf.get(k),
      set: (k, v) => conf.set(k, v),
      delete: (k) => conf.delete(k),
      store: conf.store,
      path: join(conf.path, 'below-a-file'), // ENOTDIR
    });
    await expect(adapter.stamp()).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('lock calls run one at a time beside a lock file; a failed one does not hold up the next', async () => {
    const { conf, dir } = fileStore();
    const adapter = new ElectronStoreAdapter(conf);
    const order: string[] = [];
    let inside = 0;
    const work =
      (name: string, fail = false) =>
      async () => {
        inside++;
        expect(inside).toBe(1);
        order.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name} end`);
        inside--;
        if (fail) throw new Error(`${name} failed`);
        return name;
      };
    const results = await Promise.allSettled([
      adapter.lock('a', work('a', true)),
      adapter.lock('b', work('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(readdirSync(dir)).not.toContain('data.json.lock'); // released
  });
});

describe('ElectronStoreAdapter over a broken file', () => {
  it('a file that is not JSON reads as an unreadable record, its text not quoted', async () => {
    const adapter = new ElectronStoreAdapter(
      failingStore(new SyntaxError('Unexpected token M in JSON: MW_secretish')),
    );
    const record = await adapter.get('secrets-p');
    expect(record).toBeInstanceOf(UnreadableRecord);
    expect((record as UnreadableRecord).reason).toBe('the data file is not JSON');
  });

  it('the only writer leaves no lock file anywhere', async () => {
    const adapter = new ElectronStoreAdapter(memoryStore());
    const seen = await adapter.lock('k', () =>
      Promise.resolve(readdirSync(process.cwd()).filter((name) => name.endsWith('.lock'))),
    );
    expect(seen).toEqual([]);
  });
});
