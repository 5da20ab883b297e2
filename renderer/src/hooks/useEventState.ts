import { useEffect, useState } from 'react';
import type { EventName, EventPayloads } from '../../../app/contract';
import { subscribe } from '../bridge';

/** The latest payload of an event; state events deliver their snapshot on subscribing. */
export function useEventState<E extends EventName>(event: E): EventPayloads[E] | undefined {
  const [value, setValue] = useState<EventPayloads[E]>();
  useEffect(
    () =>
      subscribe(event, (payload) => {
        // Performance marks let `npm run bench` time event → paint in the real page.
        performance.mark(`mwtokens:event:${event}`);
        setValue(payload);
      }),
    [event],
  );
  return value;
}
