/** One ProfileRuntime per profile, made on first use and restored from the vault once. */
import { DEFAULT_BASE_URL } from '../api/http-client';
import type { RateLimitView } from '../contract';
import type { ProfileRecord } from '../vault/records';
import type { Vault } from '../vault/vault';
import { ProfileRuntime, type RuntimeOptions } from './profile-runtime';

export interface RegistryOptions extends RuntimeOptions {
  /** Base URL of the local sandbox, for profiles that use it. */
  sandboxUrl?: string;
}

export class RuntimeRegistry {
  /** Promises, so that concurrent callers share one restore. */
  private readonly runtimes = new Map<string, Promise<ProfileRuntime>>();

  constructor(
    private readonly vault: Vault,
    private readonly options: RegistryOptions,
    /** Every rate-limit sample of any profile. */
    private readonly onSample: (profileId: string, snapshot: RateLimitView[]) => void,
  ) {}

  get(profile: ProfileRecord): Promise<ProfileRuntime> {
    let runtime = this.runtimes.get(profile.id);
    if (!runtime) {
      runtime = this.create(profile);
      this.runtimes.set(profile.id, runtime);
    }
    return runtime;
  }

  /** The runtime if one was made already; none is made. */
  existing(profileId: string): Promise<ProfileRuntime> | undefined {
    return this.runtimes.get(profileId);
  }

  forget(profileId: string): void {
    this.runtimes.delete(profileId);
  }

  baseUrlOf(profile: ProfileRecord): string {
    if (profile.server === 'sandbox') return this.options.sandboxUrl ?? 'http://127.0.0.1:0/v1';
    if (profile.server === 'custom' && profile.baseUrl) return profile.baseUrl;
    return DEFAULT_BASE_URL;
  }

  private async create(profile: ProfileRecord): Promise<ProfileRuntime> {
    const { clock, fetch, timeoutMs } = this.options;
    const runtime = new ProfileRuntime(
      structuredClone(profile),
      this.baseUrlOf(profile),
      this.vault,
      { clock, fetch, timeoutMs },
    );
    runtime.tracker.subscribe((snapshot) => this.onSample(profile.id, snapshot));
    // A stored sign-in that cannot be read stays signed out; the record is reported, untouched.
    await runtime.restore().catch(() => undefined);
    return runtime;
  }
}
