/**
 * One profile opened for a CLI call, over the app's own parts: the same vault (store and
 * keychain), the same runtime the app makes for the profile's API (v1: session restored from
 * the stored sign-in, the cached API token reused while valid and stored back encrypted when
 * renewed; v2: this device's stored API token, used as it is) and the same rate-limit state,
 * shared through the store with a running app.
 */
import type { ApiKind } from '../contract';
import { makeRuntime, sandboxBaseFor, serverBaseUrl } from '../service/runtime-registry';
import { ServiceError } from '../service/service-error';
import type { TokenRuntime } from '../service/token-runtime';
import type { KeyValueStore, SecretCipher } from '../vault/ports';
import { KEYS, type ProfileRecord } from '../vault/records';
import { Vault } from '../vault/vault';
import { CliError, EXIT } from './exit-codes';

export interface ProfileSources {
  store: KeyValueStore;
  cipher: SecretCipher;
  /** A sandbox this process can reach (tests); the app's own sandbox lives in its window. */
  sandboxUrl?: string;
  clock?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class CliProfile {
  private constructor(
    readonly vault: Vault,
    readonly profile: ProfileRecord,
    readonly baseUrl: string,
    readonly runtime: TokenRuntime,
  ) {}

  get api(): ApiKind {
    return this.runtime.api;
  }

  /** Finds the profile (by name or id; else the app's default or selected one) and signs in from storage. */
  static async open(sources: ProfileSources, name: string | undefined): Promise<CliProfile> {
    const vault = new Vault(sources.store, sources.cipher);
    const profile = await findProfile(vault, name);
    const baseUrl = baseUrlOf(profile, sources.sandboxUrl);
    const clock = sources.clock ?? Date.now;
    const runtime = makeRuntime(profile, baseUrl, vault, {
      clock,
      fetch: sources.fetch,
      timeoutMs: sources.timeoutMs,
    });
    try {
      await runtime.restore();
    } catch (error) {
      throw await restoreFailure(vault, profile, error);
    }
    if (runtime.state().status !== 'signed_in') throw await notSignedIn(runtime, clock);
    return new CliProfile(vault, profile, baseUrl, runtime);
  }

  /**
   * Refuses, before any request, a short-lived API token for a profile whose API has none: a
   * v2 token is used as it is (`exec` passes it on).
   */
  requireFreshApiToken(): void {
    if (this.runtime.supports.freshApiToken) return;
    throw new CliError(
      EXIT.notForThisApi,
      `Profile “${this.profile.name}” is an mStudio (API v2) profile: its API token is used as it is, there is no fresh short-lived API token. Use \`mwtokens exec\` to run a command with it.`,
    );
  }

  /**
   * Runs fn with the profile's bearer: v1's API token (renewed only when needed, then stored),
   * v2's stored API token as it is.
   */
  async call<T>(fn: (token: string) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await this.runtime.call(fn) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    // A token that cannot be stored back is still good for this call; the app renews later.
    const allowed = await this.vault.storageAllowed(this.profile).catch(() => false);
    await this.runtime.persistApiToken(allowed).catch(() => undefined);
    // The stored access token itself was refused: that is the answer, whatever fn said.
    if (this.runtime.state().status === 'signed_out')
      throw new CliError(
        EXIT.notSignedIn,
        `The stored sign-in of “${this.profile.name}” was refused (revoked?). Sign in again with the app.`,
      );
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Waits until the rate-limit state is written, so the app's gauge sees what was spent. */
  close(): Promise<void> {
    return this.runtime.limits.flush();
  }
}

async function findProfile(vault: Vault, name: string | undefined): Promise<ProfileRecord> {
  const profiles = (await vault.readProfiles()).profiles.filter((p) => !p.provisional);
  const known = () => `Profiles: ${profiles.map((p) => `“${p.name}”`).join(', ') || 'none'}.`;
  if (name === undefined) {
    const { defaultProfileId } = await vault.readSettings().catch(() => ({
      defaultProfileId: undefined,
    }));
    const { selectedProfileId } = await vault.readProfiles();
    const chosen =
      profiles.find((p) => p.id === defaultProfileId) ??
      profiles.find((p) => p.id === selectedProfileId) ??
      (profiles.length === 1 ? profiles[0] : undefined);
    if (chosen) return chosen;
    throw new CliError(
      EXIT.unknownProfile,
      profiles.length === 0
        ? 'There is no profile yet: add one in the app and sign in.'
        : `Say which profile with --profile NAME. ${known()}`,
    );
  }
  const exact = profiles.filter((p) => p.name === name || p.id === name);
  const matches =
    exact.length > 0 ? exact : profiles.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1)
    throw new CliError(
      EXIT.unknownProfile,
      `More than one profile is named “${name}”; use its id: ${matches.map((p) => p.id).join(', ')}.`,
    );
  throw new CliError(EXIT.unknownProfile, `There is no profile “${name}”. ${known()}`);
}

/** As the app chooses it: the sandbox serves v1 under `/v1`, v2 at its origin. */
function baseUrlOf(profile: ProfileRecord, sandboxUrl: string | undefined): string {
  if (profile.server === 'sandbox') {
    if (sandboxUrl !== undefined) return sandboxBaseFor(profile, sandboxUrl);
    throw new CliError(
      EXIT.failed,
      `Profile “${profile.name}” uses the app's built-in sandbox, which runs inside the app's window only. Point a custom profile at \`npm run sandbox\` to script against a sandbox.`,
    );
  }
  return serverBaseUrl(profile);
}

/** No stored sign-in; or (v2) this device's token has expired, which is said with its date. */
async function notSignedIn(runtime: TokenRuntime, clock: () => number): Promise<CliError> {
  const name = runtime.profile.name;
  const secrets = await runtime.secrets().catch(() => undefined);
  const device = secrets?.deviceTokenUuid;
  const expiresAt = device === undefined ? undefined : secrets?.held[device]?.expiresAt;
  if (expiresAt !== undefined && expiresAt <= clock())
    return new CliError(
      EXIT.notSignedIn,
      `This device's API token of “${name}” expired at ${new Date(expiresAt).toISOString()}. Sign in again with the app.`,
    );
  return new CliError(
    EXIT.notSignedIn,
    `Profile “${name}” has no stored sign-in. Sign in with the app first.`,
  );
}

/** A stored record that cannot be read is the store's problem; a secret that cannot be decrypted, the keychain's. */
async function restoreFailure(
  vault: Vault,
  profile: ProfileRecord,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof ServiceError) || error.kind !== 'vault_unreadable') return error;
  if (vault.problems.has(KEYS.secrets(profile.id))) return new CliError(EXIT.store, error.message);
  const available = await vault.cipher.isAvailable().catch(() => false);
  return new CliError(
    EXIT.keychain,
    available
      ? `${error.message} It was sealed by another keychain (another user or machine?).`
      : `The keychain (${vault.cipher.backend}) is not available, so the stored sign-in cannot be decrypted.`,
  );
}
