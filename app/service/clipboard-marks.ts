/**
 * Marks that tell clipboard history, sync and managers to skip a copied secret, written with it
 * in one atomic write, the way KeePassXC and Bitwarden mark theirs. Each platform reads its own
 * and ignores the others', so all are written everywhere.
 */
export interface ClipboardMark {
  /** The platform's clipboard format name. */
  format: string;
  data: Uint8Array;
}

const text = (value: string) => new TextEncoder().encode(value);
/** A Windows DWORD 0, little-endian. */
const dwordZero = new Uint8Array(4);

export const CONCEALMENT_MARKS: readonly ClipboardMark[] = [
  // macOS (nspasteboard.org): concealed from viewers, transient for history managers.
  { format: 'org.nspasteboard.ConcealedType', data: new Uint8Array(0) },
  { format: 'org.nspasteboard.TransientType', data: new Uint8Array(0) },
  // Windows: not monitored, not in clipboard history, not synced to the cloud clipboard.
  { format: 'ExcludeClipboardContentFromMonitorProcessing', data: text('1') },
  { format: 'CanIncludeInClipboardHistory', data: dwordZero },
  { format: 'CanUploadToCloudClipboard', data: dwordZero },
  // KDE Klipper and others on Linux.
  { format: 'x-kde-passwordManagerHint', data: text('secret') },
];
