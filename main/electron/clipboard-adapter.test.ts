import type { ClipboardItem } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONCEALMENT_MARKS } from '../../app/service/clipboard-marks';
import {
  ElectronClipboardAdapter,
  rawFormat,
  type ElectronClipboardApi,
  type MakeClipboardItem,
} from './clipboard-adapter';

type Payloads = Record<string, string | Blob>;

/**
 * Electron 45's clipboard as the adapter sees it: each write() or writeText() replaces all that
 * the clipboard held, atomically; items are made by Electron's ClipboardItem class.
 */
function standIn() {
  const items = new WeakMap<ClipboardItem, Payloads>();
  let held: Payloads = {};
  const writes: Payloads[] = [];
  const makeItem: MakeClipboardItem = (payloads) => {
    const item = { types: Object.keys(payloads) } as unknown as ClipboardItem;
    items.set(item, payloads);
    return item;
  };
  const api = {
    write: (data: ClipboardItem[]) => {
      held = Object.assign({}, ...data.map((item) => items.get(item))) as Payloads;
      writes.push(held);
      return Promise.resolve();
    },
    writeText: (text: string) => {
      held = { 'text/plain': text };
      writes.push(held);
      return Promise.resolve();
    },
    readText: () => {
      const text = held['text/plain'];
      return Promise.resolve(typeof text === 'string' ? text : '');
    },
  } satisfies ElectronClipboardApi;
  return { api, makeItem, held: () => held, writes };
}

const bytes = async (value: string | Blob | undefined) =>
  value instanceof Blob ? [...new Uint8Array(await value.arrayBuffer())] : value;

describe('ElectronClipboardAdapter', () => {
  it('writes a secret with every concealment mark, in one atomic write', async () => {
    const clipboard = standIn();
    const adapter = new ElectronClipboardAdapter(clipboard.api, clipboard.makeItem);
    await adapter.writeText('s3cret', CONCEALMENT_MARKS);
    expect(clipboard.writes).toHaveLength(1);
    expect(Object.keys(clipboard.held())).toEqual([
      'text/plain',
      ...CONCEALMENT_MARKS.map((mark) => rawFormat(mark.format)),
    ]);
    expect(await adapter.readText()).toBe('s3cret');
    const held = clipboard.held();
    expect(await bytes(held[rawFormat('x-kde-passwordManagerHint')])).toEqual([
      ...Buffer.from('secret'),
    ]);
    expect(await bytes(held[rawFormat('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(rawFormat('org.nspasteboard.ConcealedType')).toBe(
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
    );
  });

  it('clears with plain text and no marks, as the guard does', async () => {
    const clipboard = standIn();
    const adapter = new ElectronClipboardAdapter(clipboard.api, clipboard.makeItem);
    await adapter.writeText('s3cret', CONCEALMENT_MARKS);
    await adapter.writeText('');
    expect(clipboard.held()).toEqual({ 'text/plain': '' });
    expect(await adapter.readText()).toBe('');
  });
});
