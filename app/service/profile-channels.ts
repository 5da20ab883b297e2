/** Profiles: add, rename, remove (clipboard flushed, secrets deleted only if readable), select. */
import { randomUUID } from 'node:crypto';
import type { ProfileRecord } from '../vault/records';
import type { ChannelParsedInput } from '../contract';
import type { Handlers } from './handlers';
import type { ServiceCore } from './service-core';
import { ServiceError } from './service-error';

type NewProfile = ChannelParsedInput<'profiles:add'>;

/**
 * Adds a profile and selects it; one place for both `profiles:add` and a first sign-in (which
 * marks it provisional until the sign-in gets through).
 */
export async function addProfile(
  core: ServiceCore,
  { name, server, baseUrl, api }: NewProfile,
  options: { provisional?: boolean } = {},
): Promise<ProfileRecord> {
  if (server === 'custom' && baseUrl === undefined)
    throw new ServiceError('invalid_input', 'A custom server needs its base URL.');
  const profile: ProfileRecord = {
    id: randomUUID(),
    name,
    server,
    // v1 profiles are stored as before v2 existed: without the field.
    ...(api === 'v2' && { api }),
    baseUrl: server === 'custom' ? baseUrl : undefined,
    ...(options.provisional && { provisional: true }),
    allowWeakStorage: false,
    createdAt: core.clock(),
  };
  await core.vault.updateProfiles((record) => ({
    ...record,
    profiles: [...record.profiles, profile],
    selectedProfileId: profile.id,
  }));
  return profile;
}

export function profileChannels(
  core: ServiceCore,
): Pick<
  Handlers,
  | 'profiles:list'
  | 'profiles:add'
  | 'profiles:rename'
  | 'profiles:remove'
  | 'profiles:select'
  | 'profiles:allowWeakStorage'
> {
  return {
    'profiles:list': () => core.profilesView(),
    'profiles:add': async (input) => {
      await addProfile(core, input);
      return core.profilesChanged();
    },
    'profiles:rename': async ({ profileId, name }) => {
      await core.changeProfile(profileId, (profile) => ({ ...profile, name }));
      return core.profilesChanged();
    },
    'profiles:remove': async ({ profileId }) => {
      await core.profile(profileId);
      await core.guard.flush();
      // Refused, and nothing changed, when the profile's stored secrets cannot be read.
      await core.vault.deleteSecrets(profileId);
      core.registry.forget(profileId);
      await core.vault.updateProfiles((record) => {
        const profiles = record.profiles.filter((p) => p.id !== profileId);
        const selectedProfileId =
          record.selectedProfileId === profileId ? profiles[0]?.id : record.selectedProfileId;
        return { ...record, profiles, selectedProfileId };
      });
      await core.sessionChanged();
      return core.profilesChanged();
    },
    'profiles:select': async ({ profileId }) => {
      await core.profile(profileId);
      await core.vault.updateProfiles((record) => ({ ...record, selectedProfileId: profileId }));
      await core.sessionChanged();
      const runtime = await core.selectedRuntimeOrUndefined();
      core.emit('rateLimits:changed', runtime?.tracker.snapshot() ?? []);
      return core.profilesChanged();
    },
    'profiles:allowWeakStorage': async ({ profileId, allow }) => {
      await core.changeProfile(profileId, (profile) => ({ ...profile, allowWeakStorage: allow }));
      return core.profilesChanged();
    },
  };
}
