/**
 * TokenManager: every operation the UI can ask for (one method per contract channel) and the
 * events it emits. Secrets are decrypted here, used here, and never returned or emitted.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, isApiError } from '../api/errors';
import type {
  ChannelName,
  ChannelOutput,
  ChannelParsedInput,
  CopyFormat,
  CopyReceipt,
  EventName,
  EventPayloads,
  KeychainStatus,
  ProfilesView,
  RevokeOutcome,
  SessionView,
  Settings,
  TokenListView,
  TokenRow,
  UiCommand,
} from '../contract';
import type { ApplicationToken, CreatedApplicationToken } from '../api/schemas';
import type { KeyValueStore, SecretCipher } from '../vault/ports';
import type { ProfileRecord, SecretsRecord, SettingsRecord } from '../vault/records';
import { Vault } from '../vault/vault';
import { ClipboardGuard, realTimers, type Clipboard, type Timers } from './clipboard-guard';
import { describeCopy, formatAccessToken, formatApiToken } from './copy-formats';
import type { ProfileRuntime } from './profile-runtime';
import { RuntimeRegistry, type SandboxSource } from './runtime-registry';
import { EventHub } from './event-hub';
import { ServiceError } from './service-error';

export interface TokenManagerOptions {
  store: KeyValueStore;
  cipher: SecretCipher;
  clipboard: Clipboard;
  /** Names this device's sign-in token: `mwtokens on <deviceName>`. */
  deviceName: string;
  /** The local sandbox for profiles that use it: its URL, or a start function called on first use. */
  sandboxUrl?: SandboxSource;
  clock?: () => number;
  timers?: Timers;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Where the service says what went wrong quietly. Never given a secret or an input. */
  log?: (line: string) => void;
}

type Handlers = { [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> };

export class TokenManager {
  readonly vault: Vault;
  private readonly clock: () => number;
  private readonly guard: ClipboardGuard;
  private readonly registry: RuntimeRegistry;
  private readonly events = new EventHub({
    'rateLimits:changed': () => this.handlers['rateLimits:snapshot'](undefined),
    'session:changed': () => this.handlers['session:state'](undefined),
    'profiles:changed': () => this.profilesView(),
    'clipboard:changed': () => Promise.resolve({ holding: this.guard.holding }),
  });
  private profilesProblem: string | undefined;
  /** Kept in step with the stored selection, so rate-limit samples are routed without I/O. */
  private selectedId: string | undefined;

  constructor(private readonly options: TokenManagerOptions) {
    this.vault = new Vault(options.store, options.cipher);
    this.clock = options.clock ?? Date.now;
    this.registry = new RuntimeRegistry(
      this.vault,
      {
        clock: this.clock,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        sandboxUrl: options.sandboxUrl,
      },
      (profileId, snapshot) => {
        if (this.selectedId === profileId) this.emit('rateLimits:changed', snapshot);
      },
    );
    this.guard = new ClipboardGuard(options.clipboard, options.timers ?? realTimers, (change) => {
      this.emit('clipboard:changed', { holding: change.holding });
      if (change.cleared !== undefined) this.emit('clipboard:cleared', { copied: change.cleared });
    });
  }

  /** Start-up: opens on the default profile from the settings, when there is one. */
  async start(): Promise<void> {
    try {
      const { defaultProfileId } = await this.vault.readSettings();
      const profiles = await this.vault.readProfiles();
      if (defaultProfileId === undefined || profiles.selectedProfileId === defaultProfileId) return;
      if (!profiles.profiles.some((p) => p.id === defaultProfileId)) return;
      await this.vault.updateProfiles((record) => ({
        ...record,
        selectedProfileId: defaultProfileId,
      }));
    } catch (error) {
      // Unreadable settings or profiles are reported by their own channels; start-up goes on.
      this.log(`start-up could not apply the default profile (${errorName(error)})`);
    }
  }

  /** Subscribes; state events deliver the current snapshot first, so nothing is missed. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    this.events.emit(event, payload);
  }

  // ── Channels ──────────────────────────────────────────────────────────────────────────

  readonly handlers: Handlers = {
    'profiles:list': () => this.profilesView(),
    'profiles:add': async ({ name, server, baseUrl }) => {
      if (server === 'custom' && baseUrl === undefined)
        throw new ServiceError('invalid_input', 'A custom server needs its base URL.');
      const profile: ProfileRecord = {
        id: randomUUID(),
        name,
        server,
        baseUrl: server === 'custom' ? baseUrl : undefined,
        allowWeakStorage: false,
        createdAt: this.clock(),
      };
      await this.vault.updateProfiles((record) => ({
        ...record,
        profiles: [...record.profiles, profile],
        selectedProfileId: profile.id,
      }));
      return this.profilesChanged();
    },
    'profiles:rename': async ({ profileId, name }) => {
      await this.changeProfile(profileId, (profile) => ({ ...profile, name }));
      return this.profilesChanged();
    },
    'profiles:remove': async ({ profileId }) => {
      await this.profile(profileId);
      await this.guard.flush();
      await this.vault.deleteSecrets(profileId);
      this.registry.forget(profileId);
      await this.vault.updateProfiles((record) => {
        const profiles = record.profiles.filter((p) => p.id !== profileId);
        const selectedProfileId =
          record.selectedProfileId === profileId ? profiles[0]?.id : record.selectedProfileId;
        return { ...record, profiles, selectedProfileId };
      });
      await this.sessionChanged();
      return this.profilesChanged();
    },
    'profiles:select': async ({ profileId }) => {
      await this.profile(profileId);
      await this.vault.updateProfiles((record) => ({ ...record, selectedProfileId: profileId }));
      await this.sessionChanged();
      this.emit('rateLimits:changed', await this.handlers['rateLimits:snapshot'](undefined));
      return this.profilesChanged();
    },
    'profiles:allowWeakStorage': async ({ profileId, allow }) => {
      await this.changeProfile(profileId, (profile) => ({ ...profile, allowWeakStorage: allow }));
      return this.profilesChanged();
    },

    'session:state': async () => this.sessionView(await this.selectedRuntimeOrUndefined()),
    'session:signIn': async ({ username, password }) => {
      const runtime = await this.selectedRuntime();
      const outcome = await runtime.session.signInWithPassword(username, password);
      if (outcome.status === 'signed_in') await this.finishPasswordSignIn(runtime, username);
      return this.sessionChanged();
    },
    'session:submitSecondFactor': async ({ code }) => {
      const runtime = await this.selectedRuntime();
      await runtime.session.submitSecondFactor(code);
      await this.finishPasswordSignIn(runtime, runtime.profile.username ?? '');
      return this.sessionChanged();
    },
    'session:cancelSecondFactor': async () => {
      (await this.selectedRuntime()).session.cancelSecondFactor();
      return this.sessionChanged();
    },
    'session:resume': async () => {
      const runtime = await this.selectedRuntime();
      if (runtime.session.state().status !== 'signed_in')
        throw new ServiceError(
          'not_signed_in',
          'This profile has no stored sign-in. Sign in with your password.',
        );
      await this.withSession(runtime, (token) => Promise.resolve(token));
      return this.sessionChanged();
    },
    'session:signOut': async ({ revokeDeviceToken }) => {
      const runtime = await this.selectedRuntime();
      const device = (await runtime.secrets()).deviceTokenUuid;
      if (
        revokeDeviceToken &&
        device !== undefined &&
        runtime.session.state().status === 'signed_in'
      ) {
        await this.withSession(runtime, (token) =>
          runtime.client.deleteApplicationToken(token, device),
        ).catch((error: unknown) => {
          if (!isApiError(error, 'not_found')) throw error;
        });
      }
      await this.guard.flush();
      await runtime.forgetSignIn();
      runtime.lastList = undefined;
      return this.sessionChanged();
    },

    'tokens:list': async (input) => {
      const runtime = await this.signedInRuntime();
      const fresh = (input?.fresh ?? false) || runtime.needsFresh;
      const answer = await this.withSession(runtime, (token) =>
        runtime.client.listApplicationTokens(token, { fresh }),
      );
      runtime.needsFresh = false;
      const view: TokenListView = {
        profileId: runtime.profile.id,
        tokens: this.merge(answer.value, await runtime.secrets()),
        cacheHit: answer.cacheHit,
        fetchedAt: this.clock(),
      };
      runtime.lastList = view;
      // The asker gets the list as the answer; events carry changes made elsewhere (create,
      // revoke), so 10,000 rows never cross the bridge twice.
      return view;
    },
    'tokens:create': async ({ description }) => {
      const runtime = await this.signedInRuntime();
      await this.requireStorage(runtime.profile);
      const created = await this.withSession(runtime, (token) =>
        runtime.client.createApplicationToken(token, description),
      );
      // The secret exists once: it goes into the vault before anything else happens with it.
      await this.holdSecret(runtime, created);
      const row: TokenRow = {
        uuid: created.uuid,
        description: created.description,
        createdAt: created.crdate,
        held: true,
        isThisDevice: false,
      };
      if (runtime.lastList) {
        runtime.lastList = {
          ...runtime.lastList,
          tokens: [row, ...runtime.lastList.tokens.filter((t) => t.uuid !== row.uuid)],
        };
        this.emit('tokens:changed', runtime.lastList);
      }
      return row;
    },
    'tokens:revoke': async ({ uuid, confirmOwnSignIn }) => {
      const runtime = await this.signedInRuntime();
      return this.revokeOne(runtime, uuid, confirmOwnSignIn ?? false);
    },
    'tokens:revokeMany': async ({ uuids, confirmOwnSignIn }) => {
      const runtime = await this.signedInRuntime();
      const device = (await runtime.secrets()).deviceTokenUuid;
      if (device !== undefined && uuids.includes(device) && !confirmOwnSignIn)
        throw ownSignInNeedsConfirmation();
      // This device's own token goes last: revoking it ends the session the others need.
      const ordered = [...new Set(uuids)].sort(
        (a, b) => Number(a === device) - Number(b === device),
      );
      const outcomes: RevokeOutcome[] = [];
      for (const [index, uuid] of ordered.entries()) {
        try {
          outcomes.push(await this.revokeOne(runtime, uuid, true));
        } catch (error) {
          const message = error instanceof Error ? error.message : 'failed';
          outcomes.push({ uuid, outcome: 'failed', message });
          if (isApiError(error, 'rate_limited') || isApiError(error, 'unauthorized')) {
            for (const rest of ordered.slice(index + 1))
              outcomes.push({ uuid: rest, outcome: 'skipped', message: 'Not tried: ' + message });
            break;
          }
        }
      }
      return outcomes;
    },

    'clipboard:copyToken': async ({ uuid, format }) => {
      const runtime = await this.selectedRuntime();
      const held = (await runtime.secrets()).held[uuid];
      if (!held)
        throw new ServiceError(
          'secret_not_held',
          'This app does not hold that token’s secret; only tokens created here can be copied.',
        );
      const secret = await this.vault.open(held.secret);
      const what = `access token ‘${held.description}’`;
      if (format === 'header') {
        const result = await runtime.client.authenticate({ username: uuid, password: secret });
        if (result.status !== 'authenticated')
          throw new ServiceError(
            'unauthorized',
            'The server asked for a second factor for an access token.',
          );
        return this.copy(
          formatApiToken(result.token, 'header', runtime.baseUrl),
          `API token from ${what}`,
          format,
          result.expiresAt,
        );
      }
      return this.copy(formatAccessToken(uuid, secret, format, runtime.baseUrl), what, format);
    },
    'clipboard:copyApiToken': async ({ format }) => {
      const runtime = await this.signedInRuntime();
      const token = await this.withSession(runtime, (t) => Promise.resolve(t));
      const expiresAt = runtime.session.currentApiToken()?.expiresAt;
      return this.copy(
        formatApiToken(token, format, runtime.baseUrl),
        'API token',
        format,
        expiresAt,
      );
    },

    'clipboard:clear': async () => ({ cleared: await this.guard.clearNow() }),
    'clipboard:state': () => Promise.resolve({ holding: this.guard.holding }),

    'rateLimits:snapshot': async () => {
      const runtime = await this.selectedRuntimeOrUndefined();
      return runtime?.tracker.snapshot() ?? [];
    },
    'settings:get': async () => settingsView(await this.vault.readSettings()),
    'settings:set': async (input) => {
      const next = await this.vault.updateSettings((record) => ({
        ...record,
        ...(input.clipboardClearSeconds !== undefined && {
          clipboardClearSeconds: input.clipboardClearSeconds,
        }),
        ...(input.theme !== undefined && { theme: input.theme }),
        ...(input.language !== undefined && { language: input.language }),
        ...(input.defaultProfileId !== undefined && {
          defaultProfileId: input.defaultProfileId ?? undefined,
        }),
      }));
      return settingsView(next);
    },
    'app:ping': () => Promise.resolve({ pong: true as const }),
    'keychain:status': async () => {
      const profile = await this.selectedProfile();
      const canStore = profile !== undefined && (await this.storageAllowed(profile));
      return {
        backend: this.vault.cipher.backend,
        available: await this.vault.cipher.isAvailable(),
        weak: this.vault.weak,
        canStore,
      } satisfies KeychainStatus;
    },
  };

  // ── Helpers ───────────────────────────────────────────────────────────────────────────

  private async revokeOne(
    runtime: ProfileRuntime,
    uuid: string,
    confirmed: boolean,
  ): Promise<RevokeOutcome> {
    const own = (await runtime.secrets()).deviceTokenUuid === uuid;
    if (own && !confirmed) throw ownSignInNeedsConfirmation();
    let outcome: RevokeOutcome['outcome'] = 'revoked';
    try {
      await this.withSession(runtime, (token) =>
        runtime.client.deleteApplicationToken(token, uuid),
      );
    } catch (error) {
      if (!isApiError(error, 'not_found')) throw error;
      outcome = 'not_found';
    }
    runtime.needsFresh = true;
    if (own) {
      await runtime.forgetSignIn();
      runtime.lastList = undefined;
      await this.sessionChanged();
    } else {
      await this.vault.updateSecrets(runtime.profile.id, (record) => {
        const held = { ...record.held };
        delete held[uuid];
        return { ...record, held };
      });
      if (runtime.lastList) {
        runtime.lastList = {
          ...runtime.lastList,
          tokens: runtime.lastList.tokens.filter((t) => t.uuid !== uuid),
        };
        this.emit('tokens:changed', runtime.lastList);
      }
    }
    return { uuid, outcome };
  }

  private async copy(
    text: string,
    what: string,
    format: CopyFormat,
    expiresAt?: number,
  ): Promise<CopyReceipt> {
    const settings = await this.vault.readSettings();
    const clearMs = settings.clipboardClearSeconds * 1000;
    const holding = {
      copied: describeCopy(what, format),
      format,
      clearsAt: this.clock() + clearMs,
      ...(expiresAt !== undefined && { expiresAt }),
    };
    await this.guard.copy(text, clearMs, holding);
    return {
      copied: holding.copied,
      clearsAt: holding.clearsAt,
      ...(expiresAt !== undefined && { expiresAt }),
    };
  }

  private async finishPasswordSignIn(runtime: ProfileRuntime, username: string): Promise<void> {
    await this.changeProfile(runtime.profile.id, (profile) => ({ ...profile, username }));
    runtime.profile.username = username;
    if (!(await this.storageAllowed(runtime.profile))) return;
    // A dedicated access token for this device: from now on it signs in, never the password.
    // If it cannot be made now (network, rate limit), the sign-in still holds for this session
    // only; the session view says so (persisted: false) and the next sign-in tries again.
    let created;
    try {
      created = await this.withSession(runtime, (token) =>
        runtime.client.createApplicationToken(token, `mwtokens on ${this.options.deviceName}`),
      );
    } catch (error) {
      if (error instanceof ApiError && runtime.session.state().status === 'signed_in') return;
      throw error;
    }
    await this.holdSecret(runtime, created, { asDeviceToken: true });
    runtime.session.useAccessToken({ uuid: created.uuid, secret: created.token });
    await runtime.persistApiToken(true);
    await this.profilesChanged();
  }

  /** Stores a just-created token's secret, encrypted, in one atomic write. */
  private async holdSecret(
    runtime: ProfileRuntime,
    created: CreatedApplicationToken,
    options: { asDeviceToken?: boolean } = {},
  ): Promise<void> {
    const entry = {
      secret: await this.vault.seal(created.token),
      description: created.description,
      storedAt: this.clock(),
    };
    await this.vault.updateSecrets(runtime.profile.id, (record) => ({
      ...record,
      ...(options.asDeviceToken && { deviceTokenUuid: created.uuid }),
      held: { ...record.held, [created.uuid]: entry },
    }));
  }

  /** Runs a call with the session's token, then stores a renewed API token. */
  private async withSession<T>(
    runtime: ProfileRuntime,
    fn: (token: string) => Promise<T>,
  ): Promise<T> {
    try {
      return await runtime.session.call(fn);
    } finally {
      await this.storageAllowed(runtime.profile)
        .then((allowed) => runtime.persistApiToken(allowed))
        .catch((error: unknown) =>
          this.log(`the renewed API token could not be stored (${errorName(error)})`),
        );
      if (runtime.session.state().status === 'signed_out') await this.sessionChanged();
    }
  }

  private merge(tokens: ApplicationToken[], secrets: SecretsRecord): TokenRow[] {
    return tokens.map((token) => ({
      uuid: token.uuid,
      description: token.description,
      createdAt: token.crdate,
      held: Object.hasOwn(secrets.held, token.uuid),
      isThisDevice: token.uuid === secrets.deviceTokenUuid,
    }));
  }

  private async storageAllowed(profile: ProfileRecord): Promise<boolean> {
    if (this.vault.weak && !profile.allowWeakStorage) return false;
    // Electron makes basic_text available only after this call: made once the user accepted.
    if (this.vault.weak) this.vault.cipher.allowWeak();
    return this.vault.cipher.isAvailable();
  }

  private async requireStorage(profile: ProfileRecord): Promise<void> {
    if (this.vault.weak && !profile.allowWeakStorage) {
      throw new ServiceError(
        'storage_refused',
        `Secrets would be stored weakly (${this.vault.cipher.backend}). Allow weak storage for this profile in the settings to go on.`,
      );
    }
    if (!(await this.storageAllowed(profile)))
      throw new ServiceError(
        'storage_refused',
        'No keychain is available to encrypt secrets, so none can be stored.',
      );
  }

  private async profilesView(): Promise<ProfilesView> {
    let record;
    try {
      record = await this.vault.readProfiles();
      this.profilesProblem = undefined;
    } catch (error) {
      this.profilesProblem = error instanceof Error ? error.message : 'unreadable';
      return { profiles: [], selectedProfileId: undefined, problem: this.profilesProblem };
    }
    const profiles = await Promise.all(
      record.profiles.map(async (profile) => {
        let hasStoredSignIn = false;
        let vaultProblem: string | undefined;
        try {
          hasStoredSignIn =
            (await this.vault.readSecrets(profile.id)).deviceTokenUuid !== undefined;
        } catch (error) {
          vaultProblem = error instanceof Error ? error.message : 'unreadable';
        }
        return {
          id: profile.id,
          name: profile.name,
          server: profile.server,
          baseUrl: this.registry.baseUrlOf(profile),
          username: profile.username,
          allowWeakStorage: profile.allowWeakStorage,
          hasStoredSignIn,
          vaultProblem,
        };
      }),
    );
    return { profiles, selectedProfileId: record.selectedProfileId, problem: undefined };
  }

  private async profilesChanged(): Promise<ProfilesView> {
    const view = await this.profilesView();
    this.emit('profiles:changed', view);
    return view;
  }

  private async sessionView(runtime: ProfileRuntime | undefined): Promise<SessionView> {
    if (!runtime) return { profileId: undefined, status: 'signed_out' };
    const state = runtime.session.state();
    const profileId = runtime.profile.id;
    if (state.status === 'signed_out') return { profileId, status: 'signed_out' };
    if (state.status === 'second_factor')
      return { profileId, status: 'second_factor', name: state.name };
    const persisted =
      (await runtime.secrets().catch(() => undefined))?.deviceTokenUuid !== undefined;
    return { profileId, status: 'signed_in', expiresAt: state.expiresAt, persisted };
  }

  private async sessionChanged(): Promise<SessionView> {
    const view = await this.sessionView(await this.selectedRuntimeOrUndefined());
    this.emit('session:changed', view);
    return view;
  }

  private async profile(profileId: string): Promise<ProfileRecord> {
    const profile = (await this.vault.readProfiles()).profiles.find((p) => p.id === profileId);
    if (!profile) throw new ServiceError('not_found', 'There is no such profile.');
    return profile;
  }

  private async changeProfile(
    profileId: string,
    change: (profile: ProfileRecord) => ProfileRecord,
  ): Promise<void> {
    await this.profile(profileId);
    const record = await this.vault.updateProfiles((r) => ({
      ...r,
      profiles: r.profiles.map((p) => (p.id === profileId ? change(p) : p)),
    }));
    const runtime = await this.registry.existing(profileId);
    const updated = record.profiles.find((p) => p.id === profileId);
    if (runtime && updated) Object.assign(runtime.profile, updated);
  }

  private async selectedProfile(): Promise<ProfileRecord | undefined> {
    const record = await this.vault.readProfiles().catch(() => undefined);
    const profile = record?.profiles.find((p) => p.id === record.selectedProfileId);
    this.selectedId = profile?.id;
    return profile;
  }

  private async selectedRuntimeOrUndefined(): Promise<ProfileRuntime | undefined> {
    const profile = await this.selectedProfile();
    return profile && this.registry.get(profile);
  }

  private async selectedRuntime(): Promise<ProfileRuntime> {
    const runtime = await this.selectedRuntimeOrUndefined();
    if (!runtime) throw new ServiceError('not_found', 'Choose or add a profile first.');
    return runtime;
  }

  private async signedInRuntime(): Promise<ProfileRuntime> {
    const runtime = await this.selectedRuntime();
    if (runtime.session.state().status !== 'signed_in')
      throw new ServiceError('not_signed_in', 'Sign in first.');
    return runtime;
  }

  /** A menu, tray or shortcut command from the host, passed on to the renderer. */
  command(command: UiCommand): void {
    this.emit('ui:command', { command });
  }

  /** Clears the clipboard if it still holds our value (before quitting). */
  async dispose(): Promise<void> {
    await this.guard.flush();
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function ownSignInNeedsConfirmation(): ServiceError {
  return new ServiceError(
    'confirmation_required',
    'This is this device’s own sign-in token: revoking it signs this profile out. Confirm to go on.',
  );
}

function settingsView(record: SettingsRecord): Settings {
  return {
    clipboardClearSeconds: record.clipboardClearSeconds,
    theme: record.theme,
    language: record.language,
    defaultProfileId: record.defaultProfileId,
  };
}
