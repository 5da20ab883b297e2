/** Faults a test can arm per route (`METHOD /path/{template}`); each fires a set number of times. */
export type SandboxFault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number }
  /**
   * A 429 before anything is done, as a server whose budget someone else spent would send it:
   * with or without Retry-After (seconds or an HTTP date) and with or without the limit headers.
   */
  | {
      kind: 'rate_limited';
      retryAfter?: string;
      limitHeaders?: { limit: number; remaining: number };
    }
  /** The action is carried out, then the answer's body is not JSON. */
  | { kind: 'malformed_json' }
  /** The action is carried out, then the body is `null`. */
  | { kind: 'null_body' }
  /** The action is carried out, then string fields come back as numbers and booleans. */
  | { kind: 'wrong_types' }
  /** `crdate` as an epoch-seconds integer: the API's 2026 change, which clients must accept. */
  | { kind: 'crdate_number' }
  /** The connection is reset before anything is done. */
  | { kind: 'reset' }
  /** The action is carried out and committed, then the connection is dropped unanswered. */
  | { kind: 'commit_then_drop' };

interface Armed {
  fault: SandboxFault;
  remaining: number;
}

export class FaultPlan {
  private readonly armed = new Map<string, Armed[]>();

  /** Arms a fault for the next `times` requests to the route (Infinity: until cleared). */
  add(route: string, fault: SandboxFault, times = 1): void {
    const list = this.armed.get(route) ?? [];
    list.push({ fault, remaining: times });
    this.armed.set(route, list);
  }

  /** The fault for this request, if one is armed; counts it down. */
  take(route: string): SandboxFault | undefined {
    const list = this.armed.get(route);
    const next = list?.[0];
    if (!list || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) list.shift();
    return next.fault;
  }

  clear(): void {
    this.armed.clear();
  }
}

/** Replaces every string value with a number or boolean: a server that broke its types. */
export function breakTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(breakTypes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        typeof inner === 'string' ? inner.length % 2 === 0 : breakTypes(inner),
      ]),
    );
  }
  return typeof value === 'string' ? 42 : value;
}
