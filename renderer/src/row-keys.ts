/**
 * React keys for the rows in view, by place: the row shown first takes the first key of the
 * last render, and so on, so React updates each row's elements where they are instead of
 * removing one row and building another. A search keystroke swaps most rows in view; building
 * them anew (and styling the new elements) was most of its cost.
 *
 * One row keeps its own key wherever it goes: the one focus was last in. Focus inside it, an
 * open menu, and the element a dialog gives focus back to when it closes stay with that token;
 * when the row leaves, its elements go with it rather than show another token.
 */
export class RowKeys {
  /** The keys of the last call, in order: the order of the rows' elements in the DOM. */
  private order: string[] = [];
  private keyOf = new Map<string, string>();
  private made = 0;
  private focusedUuid: string | undefined;

  /** The row (by UUID) that focus was last in. */
  noteFocus(uuid: string | undefined): void {
    this.focusedUuid = uuid;
  }

  /**
   * One key per UUID, in order. Calling it again with the same UUIDs gives the same keys (a
   * render may run twice), and no two UUIDs in one call share a key.
   */
  keysFor(uuids: readonly string[]): string[] {
    const focused = this.focusedUuid;
    const focusedKey = focused === undefined ? undefined : this.keyOf.get(focused);
    const byPlace = this.order.filter((key) => key !== focusedKey);
    let next = 0;
    const keys = uuids.map((uuid) =>
      uuid === focused && focusedKey !== undefined
        ? focusedKey
        : (byPlace[next++] ?? `row-${String(this.made++)}`),
    );
    this.order = keys;
    this.keyOf = new Map(uuids.map((uuid, at) => [uuid, keys[at] ?? '']));
    return keys;
  }
}
