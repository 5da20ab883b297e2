/** What every stand-in shares: Electron's preventable Event, and the "nothing the real API lacks" check. */
import type { Event } from 'electron';

/** Members a stand-in has that the real type lacks; must be `never`. */
export type ExtraMembers<StandIn, Real> = Exclude<keyof StandIn, keyof Real>;
export type OnlyReal<T extends never> = T;

/** Electron's Event: preventable, and it remembers that it was prevented. */
export function standInEvent<P extends object = object>(params?: P): Event<P> {
  let prevented = false;
  const base = {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.assign(base, params);
}
