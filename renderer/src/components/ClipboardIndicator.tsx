/** Placeholder until the contract's clipboard state lands. */
export function ClipboardIndicator() {
  return null;
}
