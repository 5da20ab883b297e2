/** A TokenManager over a temp-folder store, the in-memory cipher and a fake clipboard. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayloads,
  Result,
} from '../contract';
import type { Clipboard, Timers } from '../service/clipboard-guard';
import { dispatch } from '../service/dispatch';
import { TokenManager } from '../service/token-manager';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { FolderStore } from '../vault/file-store';
import type { SecretCipher } from '../vault/ports';
import { ManualClock } from './sandbox-fixture';

export class FakeClipboard implements Clipboard {
  text = '';
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
}

/** Timers run by hand: `fire()` runs everything due at the clock's time. */
export class ManualTimers implements Timers {
  private queue: { at: number; callback: () => void; handle: number }[] = [];
  private next = 1;
  constructor(private readonly clock: ManualClock) {}
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.push({ at: this.clock.now + ms, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((timer) => timer.handle !== handle);
  }
  async fire(): Promise<void> {
    const due = this.queue.filter((timer) => timer.at <= this.clock.now);
    this.queue = this.queue.filter((timer) => timer.at > this.clock.now);
    for (const timer of due) timer.callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export interface ServiceHarness {
  sandbox: Sandbox;
  clock: ManualClock;
  timers: ManualTimers;
  clipboard: FakeClipboard;
  folder: string;
  cipher: SecretCipher;
  manager: TokenManager;
  /** Every event payload, channel answer and log line, serialised, for leak checks. */
  transcript: string[];
  call<C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
  ): Promise<Result<ChannelOutput<C>>>;
  /** Like call, but throws unless the answer is ok. */
  ok<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  events<E extends EventName>(event: E): EventPayloads[E][];
  /** A new manager over the same store and cipher: an app restart. */
  restart(): ServiceHarness;
  storeFiles(): Record<string, string>;
  close(): Promise<void>;
}

const EVENTS: EventName[] = [
  'rateLimits:changed',
  'session:changed',
  'tokens:changed',
  'profiles:changed',
  'clipboard:cleared',
];

export async function startService(
  options: { sandbox?: SandboxOptions; cipher?: SecretCipher } = {},
): Promise<ServiceHarness> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ clock: clock.read, ...options.sandbox });
  const folder = mkdtempSync(join(tmpdir(), 'mwtokens-store-'));
  return build(sandbox, clock, folder, options.cipher ?? new EphemeralAesGcmCipher());
}

function build(
  sandbox: Sandbox,
  clock: ManualClock,
  folder: string,
  cipher: SecretCipher,
): ServiceHarness {
  const timers = new ManualTimers(clock);
  const clipboard = new FakeClipboard();
  const manager = new TokenManager({
    store: new FolderStore(folder),
    cipher,
    clipboard,
    deviceName: 'test-host',
    sandboxUrl: sandbox.url,
    clock: clock.read,
    timers,
    timeoutMs: 2_000,
  });
  const transcript: string[] = [];
  const seen = new Map<EventName, unknown[]>();
  for (const event of EVENTS) {
    seen.set(event, []);
    manager.on(event, (payload) => {
      seen.get(event)?.push(payload);
      transcript.push(JSON.stringify(payload));
    });
  }
  const harness: ServiceHarness = {
    sandbox,
    clock,
    timers,
    clipboard,
    folder,
    cipher,
    manager,
    transcript,
    call: async (channel, input) => {
      const result = (await dispatch(manager, channel, input)) as Result<
        ChannelOutput<typeof channel>
      >;
      transcript.push(JSON.stringify(result));
      return result;
    },
    ok: async (channel, input) => {
      const result = await harness.call(channel, input);
      if (!result.ok)
        throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value;
    },
    events: <E extends EventName>(event: E) => (seen.get(event) ?? []) as EventPayloads[E][],
    restart: () => build(sandbox, clock, folder, cipher),
    storeFiles: () =>
      Object.fromEntries(
        readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
      ),
    close: async () => {
      await sandbox.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Adds a sandbox profile and signs in as demo (or the given account). */
export async function signedIn(harness: ServiceHarness, username = 'demo'): Promise<void> {
  await harness.ok('profiles:add', { name: 'Sandbox', server: 'sandbox' });
  const view = await harness.ok('session:signIn', { username, password: 'demo' });
  if (view.status !== 'signed_in') throw new Error(`sign-in ended as ${view.status}`);
}
