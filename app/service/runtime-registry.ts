/** One ProfileRuntime per profile, made on first use and restored from the vault once. */
import { DEFAULT_BASE_URL } from '../api/http-client';
import { DEFAULT_V2_BASE_URL } from '../api-v2/v2-client';
import type { RateLimitView } from '../contract';
import type { ProfileRecord } from '../vault/records';
import type { Vault } from '../vault/vault';
import { ProfileRuntime, type RuntimeOptions } from './profile-runtime';
import { ServiceError } from './service-error';
import type { TokenRuntime } from './token-runtime';
import { V2ProfileRuntime } from './v2-profile-runtime';

/** Shown as a sandbox profile's server before the sandbox was started. */
export const SANDBOX_NOT_STARTED = 'local sandbox (starts when used)';

/** The local sandbox's base URL, or a function that starts it on first use and answers it. */
export type SandboxSource = string | (() => Promise<string>);

export interface RegistryOptions extends RuntimeOptions {
  /** The local sandbox, for profiles that use it; started only when one is used. */
  sandboxUrl?: SandboxSource;
}

export class RuntimeRegistry {
  /** Promises, so that concurrent callers share one restore. */
  private readonly runtimes = new Map<string, Promise<TokenRuntime>>();
  private sandboxUrl: string | undefined;
  private sandboxStart: Promise<string> | undefined;

  constructor(
    private readonly vault: Vault,
    private readonly options: RegistryOptions,
    /** Every rate-limit sample of any profile. */
    private readonly onSample: (profileId: string, snapshot: RateLimitView[]) => void,
  ) {}

  get(profile: ProfileRecord): Promise<TokenRuntime> {
    const made = this.runtimes.get(profile.id);
    // Another process (a CLI call) may have spent from the same limits: adopted before this
    // use, so a limit it used up is honoured. A stat when nothing changed.
    if (made)
      return made.then(async (runtime) => {
        await runtime.limits.load();
        return runtime;
      });
    const runtime = this.create(profile);
    this.runtimes.set(profile.id, runtime);
    // A runtime that could not be made (the sandbox did not start) is tried again next time.
    runtime.catch(() => this.runtimes.delete(profile.id));
    return runtime;
  }

  /** The runtime if one was made already; none is made. */
  existing(profileId: string): Promise<TokenRuntime> | undefined {
    return this.runtimes.get(profileId);
  }

  /** Resolves once every runtime's rate-limit state so far is written (before quitting). */
  async flush(): Promise<void> {
    await Promise.all(
      [...this.runtimes.values()].map(async (made) => {
        const runtime = await made.catch(() => undefined);
        await runtime?.limits.flush();
      }),
    );
  }

  forget(profileId: string): void {
    this.runtimes.delete(profileId);
  }

  baseUrlOf(profile: ProfileRecord): string {
    if (profile.server === 'sandbox') {
      const url = this.knownSandboxUrl();
      return url === undefined ? SANDBOX_NOT_STARTED : sandboxBaseFor(profile, url);
    }
    return serverBaseUrl(profile);
  }

  private knownSandboxUrl(): string | undefined {
    const source = this.options.sandboxUrl;
    return typeof source === 'string' ? source : this.sandboxUrl;
  }

  /** Starts the sandbox once, on the first use of a sandbox profile; a failed start is retried. */
  private async startSandbox(): Promise<string> {
    const source = this.options.sandboxUrl;
    if (source === undefined)
      throw new ServiceError('network', 'The local sandbox is not available in this build.');
    if (typeof source === 'string') return source;
    this.sandboxStart ??= source().then(
      (url) => (this.sandboxUrl = url),
      (error: unknown) => {
        this.sandboxStart = undefined;
        throw new ServiceError(
          'network',
          `The local sandbox could not be started (${error instanceof Error ? error.message : 'unknown error'}).`,
        );
      },
    );
    return this.sandboxStart;
  }

  private async create(profile: ProfileRecord): Promise<TokenRuntime> {
    const { clock, fetch, timeoutMs } = this.options;
    const baseUrl =
      profile.server === 'sandbox'
        ? sandboxBaseFor(profile, await this.startSandbox())
        : this.baseUrlOf(profile);
    const runtime = makeRuntime(structuredClone(profile), baseUrl, this.vault, {
      clock,
      fetch,
      timeoutMs,
    });
    runtime.tracker.subscribe((snapshot) => this.onSample(profile.id, snapshot));
    // A stored sign-in that cannot be read stays signed out; the record is reported, untouched.
    await runtime.restore().catch(() => undefined);
    return runtime;
  }
}

/**
 * The runtime for the API the profile speaks. Also for other processes on the same store (a
 * CLI call), so a v2 profile is never driven with v1's client.
 */
export function makeRuntime(
  profile: ProfileRecord,
  baseUrl: string,
  vault: Vault,
  options: RuntimeOptions,
): TokenRuntime {
  return profile.api === 'v2'
    ? new V2ProfileRuntime(profile, baseUrl, vault, options)
    : new ProfileRuntime(profile, baseUrl, vault, options);
}

/** A profile's server other than the sandbox: its custom URL, else mittwald's for its API. */
export function serverBaseUrl(profile: ProfileRecord): string {
  if (profile.server === 'custom' && profile.baseUrl) return profile.baseUrl;
  return profile.api === 'v2' ? DEFAULT_V2_BASE_URL : DEFAULT_BASE_URL;
}

/** The sandbox serves v1 under `/v1` and v2 at its origin (v2's paths carry `/v2`). */
export function sandboxBaseFor(profile: ProfileRecord, v1Url: string): string {
  return profile.api === 'v2' ? new URL(v1Url).origin : v1Url;
}
