/** Settings, the keychain's state, the rate-limit snapshot and the bridge's no-op. */
import type { KeychainStatus, Settings } from '../contract';
import type { SettingsRecord } from '../vault/records';
import type { Handlers } from './handlers';
import type { ServiceCore } from './service-core';
import { DEFAULT_EXPIRING_SOON_DAYS } from './token-expiry';

export const DEFAULT_OLD_TOKEN_DAYS = 180;

export function settingsChannels(
  core: ServiceCore,
): Pick<
  Handlers,
  'settings:get' | 'settings:set' | 'keychain:status' | 'rateLimits:snapshot' | 'app:ping'
> {
  return {
    'settings:get': async () => settingsView(await core.vault.readSettings()),
    'settings:set': async (input) => {
      const next = await core.vault.updateSettings((record) => ({
        ...record,
        ...(input.clipboardClearSeconds !== undefined && {
          clipboardClearSeconds: input.clipboardClearSeconds,
        }),
        ...(input.oldTokenDays !== undefined && { oldTokenDays: input.oldTokenDays }),
        ...(input.expiringSoonDays !== undefined && {
          expiringSoonDays: input.expiringSoonDays,
        }),
        ...(input.theme !== undefined && { theme: input.theme }),
        ...(input.language !== undefined && { language: input.language }),
        ...(input.defaultProfileId !== undefined && {
          defaultProfileId: input.defaultProfileId ?? undefined,
        }),
      }));
      const view = settingsView(next);
      core.emit('settings:changed', view);
      return view;
    },
    'keychain:status': async () => {
      const profile = await core.selectedProfile();
      const canStore = profile !== undefined && (await core.storageAllowed(profile));
      return {
        backend: core.vault.cipher.backend,
        available: await core.vault.cipher.isAvailable(),
        weak: core.vault.weak,
        canStore,
      } satisfies KeychainStatus;
    },
    'rateLimits:snapshot': async () => {
      const runtime = await core.selectedRuntimeOrUndefined();
      return runtime?.tracker.snapshot() ?? [];
    },
    'app:ping': () => Promise.resolve({ pong: true as const }),
  };
}

function settingsView(record: SettingsRecord): Settings {
  return {
    clipboardClearSeconds: record.clipboardClearSeconds,
    oldTokenDays: record.oldTokenDays ?? DEFAULT_OLD_TOKEN_DAYS,
    expiringSoonDays: record.expiringSoonDays ?? DEFAULT_EXPIRING_SOON_DAYS,
    theme: record.theme,
    language: record.language,
    defaultProfileId: record.defaultProfileId,
  };
}
