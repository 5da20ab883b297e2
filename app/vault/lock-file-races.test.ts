/**
 * The lock against another process acting at the worst moment: between looking at a lock and
 * moving it aside. The file system calls are passed through, with a hook that lets the "other
 * process" act right before one of them, so each race is played out exactly, every time.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

type FsPromises = typeof fsPromises;

/** What the other process does right before our next call of that name on the lock's path. */
const before = vi.hoisted(() => new Map<'stat' | 'rename' | 'rm', () => void>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<FsPromises>();
  const hooked =
    <A extends unknown[], R>(name: 'stat' | 'rename' | 'rm', call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const hook = before.get(name);
      if (hook !== undefined && String(args[0]).endsWith('.lock')) {
        before.delete(name);
        hook();
      }
      return call(...args);
    };
  return {
    ...actual,
    stat: hooked('stat', actual.stat as (...args: unknown[]) => Promise<unknown>),
    rename: hooked('rename', actual.rename),
    rm: hooked('rm', actual.rm),
  };
});

// The set-up file already loaded the lock (through the service fixture) with the real calls.
vi.resetModules();
const { LockTimeoutError, withLockFile } = await import('./lock-file');

const folders: string[] = [];
const lockIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-lock-'));
  folders.push(dir);
  return { dir, path: join(dir, 'record.json.lock') };
};
afterEach(() => {
  before.clear();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GONE_PID = 2 ** 22 + 17;
const owner = (pid: number) => JSON.stringify({ pid, host: hostname(), at: Date.now() });

async function tryLock(path: string, options: Parameters<typeof withLockFile>[2]) {
  let ran = false;
  const outcome = await withLockFile(
    path,
    () => {
      ran = true;
      return Promise.resolve();
    },
    options,
  ).then(
    () => 'done' as const,
    (error: unknown) => error,
  );
  return { ran, outcome };
}

describe('withLockFile when another process acts at the same moment', () => {
  // The other process recovered the same stale lock first and took a fresh one, which we are
  // about to move aside: it must be put back and honoured, or two writers would both go on.
  const freshTakenMeanwhile = async (
    takeOver: (path: string, theirs: string, writtenAt: number) => void,
  ) => {
    const { dir, path } = lockIn();
    // A whole second (in seconds) a moment ago: a write time both locks can be given exactly.
    const writtenAt = Math.floor(Date.now() / 1000) - 1;
    writeFileSync(path, owner(GONE_PID));
    utimesSync(path, writtenAt, writtenAt);
    const theirs = owner(process.pid);
    before.set('rename', () => takeOver(path, theirs, writtenAt));
    const { ran, outcome } = await tryLock(path, { timeoutMs: 150, retryMs: 5 });
    expect(ran).toBe(false);
    expect(outcome).toBeInstanceOf(LockTimeoutError);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(readdirSync(dir)).toEqual(['record.json.lock']);
  };

  it('a fresh lock taken meanwhile is put back, even on the stale one’s reused inode', async () => {
    // The stale lock deleted, then the fresh one made: ext4 gives it the same inode number.
    await freshTakenMeanwhile((path, theirs) => {
      rmSync(path);
      writeFileSync(path, theirs);
    });
  });

  it('a fresh lock taken meanwhile is put back, even with the stale one’s write time', async () => {
    await freshTakenMeanwhile((path, theirs, writtenAt) => {
      renameSync(path, `${path}.theirs-aside`);
      writeFileSync(path, theirs);
      utimesSync(path, writtenAt, writtenAt);
      rmSync(`${path}.theirs-aside`);
    });
  });

  // retryMs is far beyond the test's timeout: a freed lock is tried again without waiting.
  it('a live lock released between our try and our look: taken at once', async () => {
    const { path } = lockIn();
    writeFileSync(path, owner(process.pid));
    before.set('stat', () => rmSync(path));
    const { ran, outcome } = await tryLock(path, { timeoutMs: 60_000, retryMs: 60_000 });
    expect(outcome).toBe('done');
    expect(ran).toBe(true);
    expect(existsSync(path)).toBe(false);
  }, 5_000);

  it('a stale lock another process recovered and released before we moved it: taken at once', async () => {
    const { path } = lockIn();
    writeFileSync(path, owner(GONE_PID));
    before.set('rename', () => rmSync(path));
    const { ran, outcome } = await tryLock(path, { timeoutMs: 60_000, retryMs: 60_000 });
    expect(outcome).toBe('done');
    expect(ran).toBe(true);
  }, 5_000);

  it('our lock removed by another process just as we release it: the work still counts', async () => {
    const { path } = lockIn();
    before.set('rm', () => rmSync(path));
    expect(await withLockFile(path, () => Promise.resolve('written'))).toBe('written');
    expect(existsSync(path)).toBe(false);
  });

  it('a stale lock that cannot be moved aside is reported, not retried until the deadline', async () => {
    const { path } = lockIn();
    const stale = owner(GONE_PID);
    writeFileSync(path, stale);
    before.set('rename', () => {
      throw Object.assign(new Error('rename EACCES'), { code: 'EACCES' });
    });
    const { ran, outcome } = await tryLock(path, { timeoutMs: 60_000, retryMs: 5 });
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ code: 'EACCES' });
    expect(readFileSync(path, 'utf8')).toBe(stale);
  }, 5_000);
});
