/**
 * Sign-in (password, second factor of either kind, stored access token) and sign-out. A password
 * sign-in creates this device's own access token, which signs in from then on; the password is
 * never kept. A profile made for a first sign-in is kept only if that sign-in gets through.
 */
import { ApiError, isApiError } from '../api/errors';
import type { ChannelParsedInput, SandboxMailView, SessionView } from '../contract';
import type { ProfileRecord } from '../vault/records';
import type { NewToken, TokenRuntime } from './token-runtime';
import { ServiceError } from './service-error';
import type { ServiceCore } from './service-core';
import { addProfile } from './profile-channels';
import type { Handlers } from './handlers';
import { renewDeviceToken } from './device-renewal';
import { DAY_MS, DEFAULT_DEVICE_TOKEN_DAYS } from './token-expiry';
import type { SignInOutcome } from '../session/session';
import { z } from 'zod';

const mailboxSchema = z.array(z.object({ at: z.number(), subject: z.string(), body: z.string() }));

export function sessionChannels(
  core: ServiceCore,
): Pick<
  Handlers,
  | 'session:state'
  | 'session:signIn'
  | 'session:submitSecondFactor'
  | 'session:cancelSecondFactor'
  | 'session:resume'
  | 'session:signOut'
  | 'session:renewDeviceToken'
  | 'sandbox:mailbox'
> {
  /** A profile made for this sign-in: selected now, removed again if the sign-in fails. */
  const addProvisional = (
    input: NonNullable<ChannelParsedInput<'session:signIn'>['newProfile']>,
  ): Promise<ProfileRecord> => addProfile(core, input, { provisional: true });

  const dropProvisional = async (profileId: string, selectBack: string | undefined) => {
    core.registry.forget(profileId);
    await core.vault.updateProfiles((record) => ({
      ...record,
      profiles: record.profiles.filter((p) => p.id !== profileId),
      selectedProfileId:
        record.selectedProfileId === profileId ? selectBack : record.selectedProfileId,
    }));
    await core.profilesChanged();
  };

  /** After a password sign-in: who it was, the confirmed device, and this device's own token. */
  const finishPasswordSignIn = async (
    runtime: TokenRuntime,
    outcome: SignInOutcome,
    device: Omit<NewToken, 'description'> = {},
  ) => {
    if (outcome.status !== 'signed_in') return;
    const { username, deviceId } = outcome;
    await core.changeProfile(runtime.profile.id, (profile) => ({
      ...profile,
      username,
      provisional: undefined,
      ...(deviceId !== undefined && { deviceId }),
    }));
    await core.profilesChanged();
    if (!(await core.storageAllowed(runtime.profile))) return;
    // If the device token cannot be made now (network, rate limit), the sign-in still holds for
    // this session only; the session view says so (persisted: false) and the next one retries.
    let created;
    try {
      created = await runtime.createDeviceToken(
        { description: `mwtokens on ${core.options.deviceName}`, ...device },
        (fn) => core.withSession(runtime, fn),
      );
    } catch (error) {
      if (error instanceof ApiError && runtime.state().status === 'signed_in') return;
      throw error;
    }
    await core.holdSecret(runtime, created, { asDeviceToken: true });
    await runtime.adoptDeviceToken(created);
    await core.profilesChanged();
  };

  /** The device token's roles and expiry: v2's choice (defaults: both roles, 90 days). */
  const deviceChoice = (
    runtime: TokenRuntime,
    input: { roles?: NewToken['roles']; expiresAt?: number },
  ): Omit<NewToken, 'description'> =>
    runtime.supports.rolesAndExpiry
      ? {
          roles: input.roles,
          expiresAt: input.expiresAt ?? core.clock() + DEFAULT_DEVICE_TOKEN_DAYS * DAY_MS,
        }
      : {};

  /** The device token's choice, kept while a second factor is asked for (no secret in it). */
  const pendingChoice = new Map<string, Omit<NewToken, 'description'>>();

  return {
    'session:state': async () => core.sessionView(await core.selectedRuntimeOrUndefined()),

    'session:signIn': async ({ username, password, newProfile, roles, expiresAt }) => {
      const selected = await core.selectedProfile();
      const before = selected?.id;
      const api = newProfile ? (newProfile.api ?? 'v1') : (selected?.api ?? 'v1');
      if (api === 'v1' && (roles !== undefined || expiresAt !== undefined))
        throw new ServiceError(
          'invalid_input',
          'Roles and expiry are chosen for mStudio (API v2) profiles only.',
        );
      if (expiresAt !== undefined && expiresAt <= core.clock())
        throw new ServiceError('invalid_input', 'The expiry must lie in the future.');
      const made = newProfile && (await addProvisional(newProfile));
      let runtime: TokenRuntime | undefined;
      try {
        runtime = await core.selectedRuntime();
        const device = deviceChoice(runtime, { roles, expiresAt });
        pendingChoice.set(runtime.profile.id, device);
        const outcome = await runtime.signInWithPassword(username, password);
        await finishPasswordSignIn(runtime, outcome, device);
      } catch (error) {
        const waiting = runtime?.state().status === 'second_factor';
        if (made && !waiting) await dropProvisional(made.id, before);
        throw error;
      }
      if (made) await core.profilesChanged();
      return core.sessionChanged();
    },

    'session:submitSecondFactor': async ({ code }) => {
      const runtime = await core.selectedRuntime();
      const outcome = await runtime.submitSecondFactor(code);
      await finishPasswordSignIn(runtime, outcome, pendingChoice.get(runtime.profile.id));
      return core.sessionChanged();
    },

    'session:cancelSecondFactor': async () => {
      const runtime = await core.selectedRuntime();
      runtime.cancelSecondFactor();
      if (runtime.profile.provisional) {
        const others = (await core.vault.readProfiles()).profiles.filter(
          (p) => p.id !== runtime.profile.id,
        );
        await dropProvisional(runtime.profile.id, others[0]?.id);
      }
      return core.sessionChanged();
    },

    'session:resume': async () => {
      const runtime = await core.selectedRuntime();
      if (runtime.state().status !== 'signed_in')
        throw new ServiceError(
          'not_signed_in',
          'This profile has no stored sign-in. Sign in with your password.',
        );
      await core.withSession(runtime, (token) => Promise.resolve(token));
      return core.sessionChanged();
    },

    'session:signOut': async ({ revokeDeviceToken }): Promise<SessionView> => {
      const runtime = await core.selectedRuntime();
      const device = (await runtime.secrets()).deviceTokenUuid;
      if (revokeDeviceToken && device !== undefined && runtime.state().status === 'signed_in') {
        await core
          .withSession(runtime, (token) => runtime.revokeToken(token, device))
          .catch((error: unknown) => {
            if (!isApiError(error, 'not_found')) throw error;
          });
      }
      await core.guard.flush();
      await runtime.forgetSignIn();
      runtime.lastList = undefined;
      return core.sessionChanged();
    },

    'session:renewDeviceToken': () => renewDeviceToken(core),

    'sandbox:mailbox': async (): Promise<SandboxMailView[]> => {
      const runtime = await core.selectedRuntime();
      if (runtime.profile.server !== 'sandbox')
        throw new ServiceError('invalid_input', 'Only the local sandbox has a mailbox to show.');
      // v2 sandbox accounts get no mails: their only second factor is an authenticator code.
      if (runtime.api === 'v2') return [];
      const state = runtime.state();
      const username = state.status === 'second_factor' ? state.username : runtime.profile.username;
      if (username === undefined) return [];
      const url = `${runtime.baseUrl}/_sandbox/mailbox/${encodeURIComponent(username)}`;
      const body: unknown = await (core.options.fetch ?? fetch)(url)
        .then((response) => response.json())
        .catch(() => undefined);
      const mails = mailboxSchema.safeParse(body);
      if (!mails.success)
        throw new ServiceError('bad_response', 'The sandbox mailbox did not answer.');
      return mails.data.slice(-5).reverse();
    },
  };
}
