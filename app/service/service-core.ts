/**
 * What every group of channels shares: the vault, one runtime per profile, the clipboard guard
 * and the events, with the helpers that find the selected profile, run a call with its session,
 * decide whether secrets may be stored, and build the views the renderer sees.
 */
import type {
  ClipboardHolding,
  CopyFormat,
  CopyReceipt,
  EventName,
  EventPayloads,
  ProfilesView,
  SessionView,
} from '../contract';
import type { KeyValueStore, SecretCipher } from '../vault/ports';
import type { ProfileRecord } from '../vault/records';
import { Vault } from '../vault/vault';
import { ClipboardGuard, realTimers, type Clipboard, type Timers } from './clipboard-guard';
import { CONCEALMENT_MARKS } from './clipboard-marks';
import { describeCopy } from './copy-formats';
import { EventHub, type Snapshots } from './event-hub';
import type { CreatedToken, TokenRuntime } from './token-runtime';
import { RuntimeRegistry, type SandboxSource } from './runtime-registry';
import { ServiceError } from './service-error';
import { canMakeSuccessor, renewFrom } from './token-expiry';

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

export class ServiceCore {
  readonly vault: Vault;
  readonly clock: () => number;
  readonly guard: ClipboardGuard;
  readonly registry: RuntimeRegistry;
  readonly events: EventHub;
  /** Kept in step with the stored selection, so rate-limit samples are routed without I/O. */
  private selectedId: string | undefined;

  constructor(
    readonly options: TokenManagerOptions,
    snapshots: (core: ServiceCore) => Snapshots,
  ) {
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
    this.events = new EventHub(snapshots(this));
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    this.events.emit(event, payload);
  }

  // ── Profiles and runtimes ───────────────────────────────────────────────────────────

  async profile(profileId: string): Promise<ProfileRecord> {
    const profile = (await this.vault.readProfiles()).profiles.find((p) => p.id === profileId);
    if (!profile) throw new ServiceError('not_found', 'There is no such profile.');
    return profile;
  }

  async changeProfile(
    profileId: string,
    change: (profile: ProfileRecord) => ProfileRecord,
  ): Promise<void> {
    await this.profile(profileId);
    const record = await this.vault.updateProfiles((r) => ({
      ...r,
      profiles: r.profiles.map((p) => (p.id === profileId ? change(p) : p)),
    }));
    const runtime = await this.registry.existing(profileId)?.catch(() => undefined);
    const updated = record.profiles.find((p) => p.id === profileId);
    if (runtime && updated) Object.assign(runtime.profile, updated);
  }

  async selectedProfile(): Promise<ProfileRecord | undefined> {
    const record = await this.vault.readProfiles().catch(() => undefined);
    const profile = record?.profiles.find((p) => p.id === record.selectedProfileId);
    this.selectedId = profile?.id;
    return profile;
  }

  async selectedRuntimeOrUndefined(): Promise<TokenRuntime | undefined> {
    const profile = await this.selectedProfile();
    return profile && this.registry.get(profile);
  }

  async selectedRuntime(): Promise<TokenRuntime> {
    const runtime = await this.selectedRuntimeOrUndefined();
    if (!runtime) throw new ServiceError('not_found', 'Choose or add a profile first.');
    return runtime;
  }

  async signedInRuntime(): Promise<TokenRuntime> {
    const runtime = await this.selectedRuntime();
    if (runtime.state().status !== 'signed_in')
      throw new ServiceError('not_signed_in', 'Sign in first.');
    return runtime;
  }

  /** Runs a call with the session's token, then stores a renewed API token. */
  async withSession<T>(runtime: TokenRuntime, fn: (token: string) => Promise<T>): Promise<T> {
    try {
      return await runtime.call(fn);
    } finally {
      await this.storageAllowed(runtime.profile)
        .then((allowed) => runtime.persistApiToken(allowed))
        .catch((error: unknown) =>
          this.log(`the renewed API token could not be stored (${errorName(error)})`),
        );
      if (runtime.state().status === 'signed_out') await this.sessionChanged();
    }
  }

  // ── Secrets ─────────────────────────────────────────────────────────────────────────

  /** The vault's rule, shared with the CLI: weak storage only where the user accepted it. */
  storageAllowed(profile: ProfileRecord): Promise<boolean> {
    return this.vault.storageAllowed(profile);
  }

  async requireStorage(profile: ProfileRecord): Promise<void> {
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

  /**
   * Stores a just-created token's secret, encrypted, in one atomic write; `retires` marks the
   * token it replaces (a rotation) in the same write, so the two never disagree.
   */
  async holdSecret(
    runtime: TokenRuntime,
    created: CreatedToken,
    options: { asDeviceToken?: boolean; retires?: string } = {},
  ): Promise<void> {
    const entry = {
      secret: await this.vault.seal(created.token),
      description: created.description,
      storedAt: this.clock(),
      ...(created.expiresAt !== undefined && { expiresAt: created.expiresAt }),
      ...(created.roles !== undefined && { roles: created.roles }),
    };
    const { retires } = options;
    await this.vault.updateSecrets(runtime.profile.id, (record) => ({
      ...record,
      ...(options.asDeviceToken && { deviceTokenUuid: created.uuid }),
      held: { ...record.held, [created.uuid]: entry },
      ...(retires !== undefined && {
        retiring: {
          ...record.retiring,
          [retires]: { replacedBy: created.uuid, since: this.clock() },
        },
      }),
    }));
  }

  async copy(
    text: string,
    what: string,
    subject: ClipboardHolding['subject'],
    format: CopyFormat,
    expiresAt?: number,
  ): Promise<CopyReceipt> {
    const settings = await this.vault.readSettings();
    const clearMs = settings.clipboardClearSeconds * 1000;
    const holding = {
      copied: describeCopy(what, format),
      subject,
      format,
      clearsAt: this.clock() + clearMs,
      ...(expiresAt !== undefined && { expiresAt }),
    };
    await this.guard.copy(text, clearMs, holding, CONCEALMENT_MARKS);
    return {
      copied: holding.copied,
      clearsAt: holding.clearsAt,
      ...(expiresAt !== undefined && { expiresAt }),
    };
  }

  // ── Views ───────────────────────────────────────────────────────────────────────────

  async profilesView(): Promise<ProfilesView> {
    let record;
    try {
      record = await this.vault.readProfiles();
    } catch (error) {
      const problem = error instanceof Error ? error.message : 'unreadable';
      return { profiles: [], selectedProfileId: undefined, problem };
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
          api: profile.api ?? 'v1',
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

  async profilesChanged(): Promise<ProfilesView> {
    const view = await this.profilesView();
    this.emit('profiles:changed', view);
    return view;
  }

  async sessionView(runtime: TokenRuntime | undefined): Promise<SessionView> {
    if (!runtime) return { profileId: undefined, status: 'signed_out' };
    const state = runtime.state();
    const profileId = runtime.profile.id;
    if (state.status === 'signed_out') return { profileId, status: 'signed_out' };
    if (state.status === 'second_factor')
      return { profileId, status: 'second_factor', name: state.name, username: state.username };
    const secrets = await runtime.secrets().catch(() => undefined);
    const device = secrets?.deviceTokenUuid;
    const view = { profileId, status: 'signed_in' as const, expiresAt: state.expiresAt };
    if (device === undefined || !runtime.supports.rolesAndExpiry)
      return { ...view, persisted: device !== undefined };
    // v2: the device token expires; hosts offer its renewal from `renewFrom` on.
    const held = secrets?.held[device];
    const expiresAt = held?.expiresAt;
    const renewal = await renewFrom(this, expiresAt, held?.storedAt);
    const deviceToken = {
      uuid: device,
      expiresAt,
      renewFrom: renewal,
      renewable: canMakeSuccessor(held?.roles),
    };
    return { ...view, persisted: true, deviceToken };
  }

  async sessionChanged(): Promise<SessionView> {
    const view = await this.sessionView(await this.selectedRuntimeOrUndefined());
    this.emit('session:changed', view);
    return view;
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
