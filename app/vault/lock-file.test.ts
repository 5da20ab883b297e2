/**
 * The cross-process lock on its own: what it writes for others to judge, whose lock it honours
 * (a live owner here, any owner on another host, an owner it cannot judge), whose it recovers,
 * that it only ever removes its own lock, and that it never gives up later than told.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LockTimeoutError, withLockFile } from './lock-file';

const folders: string[] = [];
const lockIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-lock-'));
  folders.push(dir);
  return { dir, path: join(dir, 'record.json.lock') };
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid no process has (above Linux's default pid_max, below its hard limit). */
const GONE_PID = 2 ** 22 + 17;
const owner = (fields: Record<string, unknown>) =>
  JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), ...fields });

/** Runs withLockFile and says whether the work ran, instead of the work's result. */
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

describe('withLockFile: what it leaves for others', () => {
  it('while held, the lock names this process and host, so others can tell it still runs', async () => {
    const { dir, path } = lockIn();
    const seen = await withLockFile(path, () =>
      Promise.resolve(JSON.parse(readFileSync(path, 'utf8')) as unknown),
    );
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() });
    expect(typeof (seen as { at?: unknown }).at).toBe('number');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('releases the lock when the work fails, and passes the failure on', async () => {
    const { dir, path } = lockIn();
    await expect(withLockFile(path, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes only its own lock: one another process took over meanwhile stays', async () => {
    const { path } = lockIn();
    const theirs = owner({ pid: 1 });
    await withLockFile(path, () => {
      // Another process judged ours stale, moved it aside and took a fresh one.
      renameSync(path, `${path}.moved`);
      writeFileSync(path, theirs);
      return Promise.resolve();
    });
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('removes only its own lock, even when the one taken over got its inode number', async () => {
    const { path } = lockIn();
    const theirs = owner({ pid: 1 });
    await withLockFile(path, () => {
      // Ours judged stale (the work ran past staleMs), deleted, and a new one made: ext4
      // gives the new file the freed inode number.
      rmSync(path);
      writeFileSync(path, theirs);
      const later = new Date(Date.now() + 16_000);
      utimesSync(path, later, later);
      return Promise.resolve();
    });
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('a lock that vanished during the work is no error at release', async () => {
    const { path } = lockIn();
    const result = await withLockFile(path, () => {
      rmSync(path);
      return Promise.resolve('work result');
    });
    expect(result).toBe('work result');
    expect(existsSync(path)).toBe(false);
  });

  // Every lock opens a file; one left open per write would run the app out of descriptors.
  it.skipIf(!existsSync('/proc/self/fd'))('closes the lock file it wrote, every time', async () => {
    const { path } = lockIn();
    const open = () => readdirSync('/proc/self/fd').length;
    await withLockFile(path, () => Promise.resolve());
    const before = open();
    for (let n = 0; n < 40; n++) await withLockFile(path, () => Promise.resolve());
    expect(open() - before).toBeLessThan(10);
  });
});

describe('withLockFile: a lock it honours', () => {
  const honoured = async (content: string) => {
    const { path } = lockIn();
    writeFileSync(path, content);
    const { ran, outcome } = await tryLock(path, { timeoutMs: 100, retryMs: 5 });
    expect(ran).toBe(false);
    expect(outcome).toBeInstanceOf(LockTimeoutError);
    expect(readFileSync(path, 'utf8')).toBe(content);
  };

  it('gives up with an error that names the lock, leaving the lock as it was', async () => {
    const { path } = lockIn();
    writeFileSync(path, owner({}));
    const { outcome } = await tryLock(path, { timeoutMs: 50, retryMs: 5 });
    expect(outcome).toMatchObject({ name: 'LockTimeoutError' });
    expect((outcome as Error).message).toContain(path);
  });

  it('an owner on another host, even with a pid that is gone here', async () => {
    await honoured(owner({ host: `not-${hostname()}`, pid: GONE_PID }));
  });

  it('an owner it cannot read: half-written, or not the expected shape', async () => {
    await honoured('');
    await honoured('{"pid":');
    await honoured(JSON.stringify({ pid: 'one', host: hostname() }));
  });

  it('an owner that runs as another user (the OS refuses to signal it)', async () => {
    const { path } = lockIn();
    writeFileSync(path, owner({ pid: GONE_PID }));
    // This machine may run tests as root, who may signal anyone: the OS's refusal is faked.
    vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    const { ran, outcome } = await tryLock(path, { timeoutMs: 100, retryMs: 5 });
    expect(ran).toBe(false);
    expect(outcome).toBeInstanceOf(LockTimeoutError);
  });

  it('something at the lock’s path that is not a lock is reported and left alone', async () => {
    const { dir, path } = lockIn();
    mkdirSync(path);
    const { ran, outcome } = await tryLock(path, { timeoutMs: 1000, retryMs: 5 });
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['record.json.lock']);
  });

  it('a lock that cannot be made (its folder is gone) is reported as such, not waited for', async () => {
    const { dir } = lockIn();
    const { ran, outcome } = await tryLock(join(dir, 'gone', 'record.json.lock'), {
      timeoutMs: 1000,
      retryMs: 5,
    });
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ code: 'ENOENT' });
  });

  // A dangling link can never be taken or judged: the deadline must still hold.
  it('gives up in time even when the lock cannot be judged (a dangling link)', async () => {
    const { path } = lockIn();
    symlinkSync(join(path, '..', 'nowhere'), path);
    const { ran, outcome } = await tryLock(path, { timeoutMs: 100, retryMs: 60_000 });
    expect(ran).toBe(false);
    expect(outcome).toBeInstanceOf(LockTimeoutError);
  }, 5_000);
});

describe('withLockFile: waiting', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Two waiting processes must not hammer the disk, nor retry in lock-step with each other.
  it('sleeps retryMs plus a random share of it between tries, then takes a freed lock', async () => {
    const { path } = lockIn();
    writeFileSync(path, owner({}));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    let ran = false;
    const done = withLockFile(
      path,
      () => {
        ran = true;
        return Promise.resolve();
      },
      { retryMs: 1000, timeoutMs: 600_000 },
    );
    // Until the waiter sleeps (vi.waitFor would move the fake clock on while it polls).
    const giveUpAt = performance.now() + 3000;
    while (vi.getTimerCount() === 0 && performance.now() < giveUpAt)
      await new Promise((resolve) => setImmediate(resolve));
    expect(vi.getTimerCount()).toBe(1);
    rmSync(path);
    await vi.advanceTimersByTimeAsync(1499);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(ran).toBe(true);
  });
});

describe('withLockFile: a lock it recovers', () => {
  // retryMs is far beyond the test's timeout: recovery must not wait for a retry.
  it('one whose owner on this host is gone: at once, without waiting', async () => {
    const { dir, path } = lockIn();
    writeFileSync(path, owner({ pid: GONE_PID }));
    const { ran, outcome } = await tryLock(path, { timeoutMs: 60_000, retryMs: 60_000 });
    expect(outcome).toBe('done');
    expect(ran).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  }, 5_000);
});
