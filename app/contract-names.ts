/**
 * The contract's channel and event names, free of zod, for the preload's allow-list (it stays
 * small). contract.ts checks at compile time that these lists and its own keys agree.
 */
export const CHANNEL_NAMES = [
  'profiles:list',
  'profiles:add',
  'profiles:rename',
  'profiles:remove',
  'profiles:select',
  'profiles:allowWeakStorage',
  'session:state',
  'session:signIn',
  'session:submitSecondFactor',
  'session:cancelSecondFactor',
  'session:resume',
  'session:signOut',
  'tokens:list',
  'tokens:create',
  'tokens:revoke',
  'tokens:revokeMany',
  'clipboard:copyToken',
  'clipboard:copyApiToken',
  'rateLimits:snapshot',
  'settings:get',
  'settings:set',
  'keychain:status',
] as const;

export const EVENT_NAMES = [
  'rateLimits:changed',
  'session:changed',
  'tokens:changed',
  'profiles:changed',
  'clipboard:cleared',
  'ui:command',
] as const;

export function isChannelName(value: unknown): value is (typeof CHANNEL_NAMES)[number] {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is (typeof EVENT_NAMES)[number] {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
