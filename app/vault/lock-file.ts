/**
 * A lock that other processes honour: an exclusive file created with `open(…, 'wx')`, which
 * exists for as long as one writer does a read-modify-write of a record. The GUI and a CLI
 * call share the store, and neither may lose the other's write.
 *
 * A lock left behind by a crashed process is recovered: its owner (same host) no longer runs,
 * or it is older than any write could take. It is moved aside by rename, and the moved file is
 * checked to be the one judged stale, so a lock just taken by a live writer is put back.
 */
import { randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';

export interface LockOptions {
  /** A lock older than this is taken to be left behind (a write takes milliseconds). */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** Wait this long (plus jitter) between tries. */
  retryMs?: number;
}

/** The lock could not be had in time: another process holds it and is alive. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

const DEFAULTS: Required<LockOptions> = { staleMs: 15_000, timeoutMs: 20_000, retryMs: 15 };

/** What a lock file says about its owner; not trusted beyond its shape. */
const ownerSchema = z.object({ pid: z.number().int(), host: z.string(), at: z.number() });

export async function withLockFile<T>(
  path: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const settings = { ...DEFAULTS, ...options };
  const ours = await acquire(path, settings);
  try {
    return await work();
  } finally {
    await release(path, ours);
  }
}

async function acquire(path: string, options: Required<LockOptions>): Promise<BigIntStats> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const ours = await tryCreate(path);
    if (ours !== undefined) return ours;
    // Retried at once after a takeover, but never past the deadline: a lock that cannot be
    // judged (a dangling link at its path) would otherwise be retried forever.
    const again = await takeOverIfStale(path, options.staleMs);
    if (Date.now() >= deadline)
      throw new LockTimeoutError(`another process has held ${path} for too long`);
    if (!again) await sleep(options.retryMs + Math.random() * options.retryMs);
  }
}

/** The new lock as written, or undefined when another holds the lock. */
async function tryCreate(path: string): Promise<BigIntStats | undefined> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if (code(error) === 'EEXIST') return undefined;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
    return await handle.stat({ bigint: true });
  } finally {
    await handle.close();
  }
}

/** Moves a stale lock aside; true when the caller should try again at once. */
async function takeOverIfStale(path: string, staleMs: number): Promise<boolean> {
  let judged;
  try {
    judged = await stat(path, { bigint: true });
    const age = Date.now() - Number(judged.mtimeMs);
    if (age < staleMs && ownerAlive(await readFile(path, 'utf8'))) return false;
  } catch (error) {
    // Released between our try and this look: try again.
    if (code(error) === 'ENOENT') return true;
    throw error;
  }
  const moved = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, moved);
  } catch (error) {
    if (code(error) === 'ENOENT') return true;
    throw error;
  }
  const took = await stat(moved, { bigint: true });
  // Another process recovered the same stale lock first and took a fresh one, which we just
  // moved: put it back unless yet another writer got in meanwhile (then both wait on theirs).
  if (!sameLock(took, judged)) await link(moved, path).catch(() => undefined);
  await rm(moved, { force: true });
  return true;
}

/** Whether the owner named in the lock may still be working; unknown owners count as alive. */
function ownerAlive(text: string): boolean {
  let owner;
  try {
    owner = ownerSchema.safeParse(JSON.parse(text));
  } catch {
    // Empty or half-written: its owner is creating it right now (or crashed: the age decides).
    return true;
  }
  if (!owner.success || owner.data.host !== hostname()) return true;
  try {
    process.kill(owner.data.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user. ESRCH: it is gone.
    return code(error) !== 'ESRCH';
  }
}

/** Removes the lock only if it is still ours (a stale takeover may have replaced it). */
async function release(path: string, ours: BigIntStats): Promise<void> {
  const current = await stat(path, { bigint: true }).catch(() => undefined);
  if (current !== undefined && sameLock(current, ours)) await rm(path, { force: true });
}

/**
 * Whether two looks saw the same lock file. The inode alone does not tell: a file system hands
 * a freed inode number to the next file made (ext4 does so at once), and a lock is deleted and
 * made anew in a takeover. The write time tells them apart: a lock is never written twice.
 */
function sameLock(a: BigIntStats, b: BigIntStats): boolean {
  return a.ino === b.ino && a.mtimeNs === b.mtimeNs;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
