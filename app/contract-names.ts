/**
 * The contract's plain values, free of zod: channel and event names (the preload's allow-list)
 * and the constants the renderer needs, so neither bundles zod. contract.ts checks at compile
 * time that these lists and its own keys agree.
 */

export const TOKEN_DESCRIPTION_MAX = 200;
/**
 * `curl` calls a real endpoint with the token; `signin` is an access token's sign-in exchange
 * (it prints an API token), for access tokens only; `env` is a `.env` line.
 */
export const COPY_FORMATS = ['raw', 'header', 'curl', 'signin', 'env', 'export'] as const;
export const API_KINDS = ['v1', 'v2'] as const;
export const API_TOKEN_ROLES = ['api_read', 'api_write'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['system', 'en', 'de'] as const;
export const UI_COMMANDS = [
  'newToken',
  'search',
  'refresh',
  'copyApiToken',
  'revokeSelected',
  'help',
  'settings',
] as const;
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
  'session:renewDeviceToken',
  'tokens:list',
  'tokens:create',
  'tokens:update',
  'tokens:rotate',
  'tokens:export',
  'tokens:revoke',
  'tokens:revokeMany',
  'clipboard:copyToken',
  'clipboard:copyApiToken',
  'clipboard:copyUuid',
  'clipboard:clear',
  'clipboard:state',
  'rateLimits:snapshot',
  'settings:get',
  'settings:set',
  'keychain:status',
  'sandbox:mailbox',
  'app:ping',
] as const;

export const EVENT_NAMES = [
  'rateLimits:changed',
  'session:changed',
  'tokens:changed',
  'profiles:changed',
  'settings:changed',
  'clipboard:changed',
  'clipboard:cleared',
  'ui:command',
] as const;

export function isChannelName(value: unknown): value is (typeof CHANNEL_NAMES)[number] {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is (typeof EVENT_NAMES)[number] {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** Failures from the server or the network (the API client's ApiError kinds). */
export const API_ERROR_KINDS = [
  'unauthorized',
  'forbidden',
  'not_found',
  'rejected',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'bad_response',
] as const;

/** Failures of this app itself. */
export const APP_ERROR_KINDS = [
  'invalid_input',
  'not_signed_in',
  'confirmation_required',
  'secret_not_held',
  'storage_refused',
  'storage_failed',
  'vault_unreadable',
  'internal',
] as const;
