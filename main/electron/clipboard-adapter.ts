/**
 * The Clipboard port on Electron 45's clipboard. A secret goes in one atomic `write` with the
 * marks that keep it out of clipboard history and managers, each as a raw platform format
 * (Electron's `electron application/osclipboard;format="…"` custom format).
 */
import type { Clipboard as ElectronClipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../../app/service/clipboard-guard';
import type { ClipboardMark } from '../../app/service/clipboard-marks';

export type ElectronClipboardApi = Pick<ElectronClipboard, 'write' | 'writeText' | 'readText'>;
/** `new ClipboardItem(items)` from electron (a class of Electron's: passed in, so tests stand in). */
export type MakeClipboardItem = (items: Record<string, string | Blob>) => ClipboardItem;

export const rawFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

export class ElectronClipboardAdapter implements Clipboard {
  constructor(
    private readonly clipboard: ElectronClipboardApi,
    private readonly makeItem: MakeClipboardItem,
  ) {}

  async writeText(text: string, marks: readonly ClipboardMark[] = []): Promise<void> {
    if (marks.length === 0) {
      await this.clipboard.writeText(text);
      return;
    }
    const items: Record<string, string | Blob> = { 'text/plain': text };
    for (const mark of marks) items[rawFormat(mark.format)] = new Blob([new Uint8Array(mark.data)]);
    await this.clipboard.write([this.makeItem(items)]);
  }

  async readText(): Promise<string> {
    return await this.clipboard.readText();
  }
}
