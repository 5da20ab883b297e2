/**
 * What the v1 and v2 request counts share: counting the requests a piece of work makes at the
 * sandbox, and a row per workflow for mwtokens and the two baselines doing the same.
 */
import type { ServiceHarness } from '../app/testing/service-fixture';

export interface CountRow {
  workflow: string;
  requests: number;
  target: number;
  naive: number;
  fair: number;
  /** Why mwtokens needs fewer requests than the fair baseline here, where it does. */
  reason?: string;
  /** Something the fair baseline got wrong beyond the count (a stale answer). */
  note?: string;
}

export async function counted(h: ServiceHarness, work: () => Promise<unknown>): Promise<number> {
  const before = h.sandbox.countRequests();
  await work();
  return h.sandbox.countRequests() - before;
}

/**
 * `add(row, ours, theirs)`: counts mwtokens' way, then each baseline's (read when the row is
 * taken: a restart may have made a new fair client), and appends the row to `rows`.
 */
export function rowRecorder<Baseline>(
  h: ServiceHarness,
  rows: CountRow[],
  baselines: () => { naive: Baseline; fair: Baseline },
) {
  return async (
    row: Omit<CountRow, 'requests' | 'naive' | 'fair'>,
    ours: () => Promise<unknown>,
    theirs: (baseline: Baseline) => Promise<unknown>,
  ): Promise<void> => {
    const { naive, fair } = baselines();
    rows.push({
      ...row,
      requests: await counted(h, ours),
      naive: await counted(h, () => theirs(naive)),
      fair: await counted(h, () => theirs(fair)),
    });
  };
}
