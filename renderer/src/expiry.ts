/** A v2 API token's lifetime as chosen in a form (kept apart from the fields: sign-in needs only this). */
const DAY = 24 * 3600_000;
/** Lifetimes offered; 90 days is the service's default for this device's token. */
export const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY = 'days-90';
/** `days-N`, `never`, or `keep` (the edit dialog: leave the expiry as it is). */
export type ExpiryChoice = `days-${number}` | 'never' | 'keep';

/** The epoch ms an expiry choice stands for: undefined for "keep", null for "never". */
export function expiryFrom(choice: ExpiryChoice, now: number): number | null | undefined {
  if (choice === 'keep') return undefined;
  if (choice === 'never') return null;
  return now + Number(choice.slice('days-'.length)) * DAY;
}
