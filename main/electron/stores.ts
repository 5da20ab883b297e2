/**
 * Opens the app's electron-store files. A file that cannot be parsed is moved aside (kept, never
 * deleted), the store starts with its defaults, and the user is told where the old file is.
 * Any other failure (permissions, a full disk) is not ours to repair: it ends start-up, said.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialog } from 'electron';
import type { Translate } from './locale';

export interface MovedStore {
  file: string;
  kept: string;
}

export interface OpenedStore<S> {
  store: S;
  movedAside?: MovedStore;
}

export interface StoreFiles {
  exists(path: string): boolean;
  rename(from: string, to: string): void;
}

const realFiles: StoreFiles = { exists: existsSync, rename: renameSync };

/** conf (under electron-store) throws a SyntaxError for a file that is not JSON. */
function isUnparsable(error: unknown): boolean {
  return error instanceof Error && error.name === 'SyntaxError';
}

/**
 * `open` constructs the store (electron-store reads its file in the constructor); `dir` and
 * `name` locate that file as electron-store does: `<dir>/<name>.json`.
 */
export function openStore<S>(
  dir: string,
  name: string,
  open: () => S,
  clock: () => number = Date.now,
  files: StoreFiles = realFiles,
): OpenedStore<S> {
  try {
    return { store: open() };
  } catch (error) {
    const file = join(dir, `${name}.json`);
    if (!isUnparsable(error) || !files.exists(file)) throw error;
    const stamp = new Date(clock()).toISOString().replace(/[:.]/g, '-');
    const kept = join(dir, `${name}.unreadable-${stamp}.json`);
    files.rename(file, kept);
    return { store: open(), movedAside: { file, kept } };
  }
}

/** Tells the user, without blocking start-up, which files were moved aside. */
export function reportMovedStores(
  dialog: Pick<Dialog, 'showMessageBox'>,
  t: Translate,
  moved: readonly MovedStore[],
): void {
  for (const { file, kept } of moved) {
    void dialog.showMessageBox({
      type: 'warning',
      title: t('dialog.storeMovedTitle'),
      message: t('dialog.storeMovedTitle'),
      detail: t('dialog.storeMoved', { file, kept }),
    });
  }
}
