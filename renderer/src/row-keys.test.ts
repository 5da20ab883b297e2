import { describe, expect, it } from 'vitest';
import { RowKeys } from './row-keys';

describe('RowKeys', () => {
  it('hands the keys of the last render on by place, so rows are updated where they are', () => {
    const keys = new RowKeys();
    const first = keys.keysFor(['a', 'b', 'c']);
    expect(new Set(first).size).toBe(3);
    // A search swapped every row: the same keys, in the same order.
    expect(keys.keysFor(['x', 'y', 'z'])).toEqual(first);
    // Fewer rows take the first keys; more rows add keys never used before.
    expect(keys.keysFor(['p'])).toEqual(first.slice(0, 1));
    const grown = keys.keysFor(['p', 'q', 'r', 's']);
    expect(grown.slice(0, 1)).toEqual(first.slice(0, 1));
    expect(new Set(grown).size).toBe(4);
  });

  it('gives the same keys when asked twice for the same rows (a render may run twice)', () => {
    const keys = new RowKeys();
    keys.keysFor(['a', 'b']);
    keys.noteFocus('b');
    const once = keys.keysFor(['c', 'b', 'd']);
    expect(keys.keysFor(['c', 'b', 'd'])).toEqual(once);
  });

  it('lets the row focus was last in keep its own key wherever it goes', () => {
    const keys = new RowKeys();
    const [keyA, keyB] = keys.keysFor(['a', 'b']);
    keys.noteFocus('a');
    // A new row above it: "a" keeps its key, the newcomer does not take it.
    const after = keys.keysFor(['new', 'a', 'b']);
    expect(after[1]).toBe(keyA);
    expect(after[0]).toBe(keyB);
    expect(new Set(after).size).toBe(3);
  });

  it('never hands the key of the focused row to another token, even after it left', () => {
    const keys = new RowKeys();
    const [keyA] = keys.keysFor(['a', 'b', 'c']);
    keys.noteFocus('a');
    const without = keys.keysFor(['x', 'y', 'z']);
    expect(without).not.toContain(keyA);
    // Back in view later, it is a row like any other (its old elements are gone).
    expect(keys.keysFor(['a', 'y'])).not.toContain(keyA);
  });

  it('hands keys on by place again once focus has left the rows', () => {
    const keys = new RowKeys();
    const first = keys.keysFor(['a', 'b']);
    keys.noteFocus('b');
    keys.noteFocus(undefined);
    expect(keys.keysFor(['c', 'd'])).toEqual(first);
  });
});
