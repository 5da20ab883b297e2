/** One function per contract channel; each group of channels provides its part. */
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../contract';

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};
