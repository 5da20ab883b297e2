import type { CopyFormat, CopyReceipt } from '../../app/contract';
import { COPY_FORMATS } from '../../app/contract-names';
import { call, errorView } from './bridge';
import { showToast } from './toasts';

export const FORMATS: readonly CopyFormat[] = COPY_FORMATS;

/**
 * What this window last asked to copy, in words it can translate: the core describes a copy
 * in English only. The clipboard indicator uses it while the clipboard holds that copy.
 */
export interface CopyRecord {
  /** The access token's description; undefined for the session's own API token. */
  name: string | undefined;
  format: CopyFormat;
  clearsAt: number;
  expiresAt: number | undefined;
}

let last: CopyRecord | undefined;
const listeners = new Set<() => void>();

export function lastCopy(): CopyRecord | undefined {
  return last;
}

export function onCopyRecorded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a copy made by another channel (a rotation copies its replacement). */
export function recordCopy(name: string, format: CopyFormat, receipt: CopyReceipt): void {
  record(name, format, receipt);
}

function record(name: string | undefined, format: CopyFormat, receipt: CopyReceipt): void {
  last = { name, format, clearsAt: receipt.clearsAt, expiresAt: receipt.expiresAt };
  for (const listener of listeners) listener();
}

function fail(error: unknown): void {
  showToast({ title: { error: errorView(error) } }, 8000);
}

export async function copyToken(uuid: string, name: string, format: CopyFormat): Promise<void> {
  try {
    record(name, format, await call('clipboard:copyToken', { uuid, format }));
  } catch (error) {
    fail(error);
  }
}

export async function copyApiToken(format: CopyFormat): Promise<void> {
  try {
    record(undefined, format, await call('clipboard:copyApiToken', { format }));
  } catch (error) {
    fail(error);
  }
}
