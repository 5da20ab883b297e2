/**
 * Two views of one profile's rate limits, this process's and another's (read from the store:
 * the GUI and a CLI call spend the same limits). Per endpoint the view with the newer sample
 * wins; the histories are joined, so the gauge shows what both spent.
 */
import type { RateLimitView } from '../contract';

export function mergeRateLimits(
  ours: readonly RateLimitView[],
  theirs: readonly RateLimitView[],
  historyLength: number,
): RateLimitView[] {
  const merged = new Map<string, RateLimitView>(ours.map((state) => [state.endpoint, state]));
  for (const other of theirs) {
    const own = merged.get(other.endpoint);
    if (own === undefined) {
      merged.set(other.endpoint, other);
      continue;
    }
    const winner = later(other, own) ? other : own;
    const samples = new Map(
      [...own.history, ...other.history].map((s) => [`${s.at}:${s.remaining}`, s]),
    );
    // Within one instant, more spent is later: remaining only falls within a window.
    const history = [...samples.values()]
      .sort((a, b) => a.at - b.at || b.remaining - a.remaining)
      .slice(-historyLength);
    merged.set(other.endpoint, { ...winner, history });
  }
  return [...merged.values()];
}

/** Whether a's newest sample is later than b's; at the same instant, the one that spent more. */
function later(a: RateLimitView, b: RateLimitView): boolean {
  const at = (state: RateLimitView) => state.history.at(-1)?.at ?? state.windowStartedAt;
  return at(a) > at(b) || (at(a) === at(b) && a.remaining < b.remaining);
}
