/**
 * The service's events: listeners per event, and for state events the current snapshot first,
 * so a subscriber never misses what happened before it listened.
 */
import type { EventName, EventPayloads } from '../contract';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;
export type Snapshots = { [E in EventName]?: () => Promise<EventPayloads[E]> };

export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  constructor(private readonly snapshots: Snapshots) {}

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const stored = listener as Listener<EventName>;
    set.add(stored);
    const snapshot = this.snapshots[event];
    snapshot?.().then(
      (payload) => {
        // Unless unsubscribed meanwhile.
        if (set.has(stored)) stored(payload);
      },
      () => undefined,
    );
    return () => {
      set.delete(stored);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
