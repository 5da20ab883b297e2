/**
 * A TokenManager over a temp-folder store, a recording cipher and a fake clipboard, against a
 * sandbox whose accounts have a random password per test. Every harness (restarts included) is
 * checked for leaked secrets after each test by `leak-guard.setup.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EVENT_NAMES,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayloads,
  type Result,
} from '../contract';
import type { Clipboard, Timers } from '../service/clipboard-guard';
import type { ClipboardMark } from '../service/clipboard-marks';
import { dispatch } from '../service/dispatch';
import { TokenManager } from '../service/token-manager';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';
import { DEMO_ACCOUNTS } from '../sandbox/world';
import { DEMO_V2_ACCOUNTS } from '../sandbox/v2/world-v2';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { FolderStore } from '../vault/file-store';
import type { SecretCipher } from '../vault/ports';
import { assertNoLeaks, type Haystack } from './leak-check';
import { ManualClock } from './sandbox-fixture';

export class FakeClipboard implements Clipboard {
  text = '';
  /** The formats written with the text, as the OS clipboard would hold them. */
  marks: string[] = [];
  writeText(text: string, marks: readonly ClipboardMark[] = []): Promise<void> {
    this.text = text;
    this.marks = marks.map((mark) => mark.format);
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

/** The in-memory cipher, keeping every ciphertext it produced (base64) for the at-rest proof. */
export class RecordingCipher extends EphemeralAesGcmCipher {
  readonly produced = new Set<string>();
  override async encrypt(plain: string): Promise<Uint8Array> {
    const bytes = await super.encrypt(plain);
    this.produced.add(Buffer.from(bytes).toString('base64'));
    return bytes;
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
  /** The demo accounts' password in this test: random, so a leak of it can be searched for. */
  password: string;
  /** Every event payload and channel answer, serialised, for leak checks. */
  transcript: string[];
  /** Every line the service and dispatch logged. */
  logLines: string[];
  /**
   * Output of other processes on this store (a CLI call's stderr, its stdout where no secret
   * belongs), leak-checked with the rest; shared by restarts.
   */
  outputs: Haystack[];
  call<C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
  ): Promise<Result<ChannelOutput<C>>>;
  /** Like call, but throws unless the answer is ok. */
  ok<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  events<E extends EventName>(event: E): EventPayloads[E][];
  /** A new manager over the same store and cipher: an app restart. */
  restart(): ServiceHarness;
  /** The store's records by file name (the shared rate-limit state left out). */
  storeFiles(): Record<string, string>;
  /** The store's files as they were at close, once closed. */
  lastFiles(): Haystack[] | undefined;
  close(): Promise<void>;
}

/** Every harness made in the current test, restarts included; emptied after each test. */
const live = new Set<ServiceHarness>();

export async function startService(
  options: { sandbox?: SandboxOptions; cipher?: SecretCipher } = {},
): Promise<ServiceHarness> {
  const clock = new ManualClock();
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const accounts = DEMO_ACCOUNTS.map((account) => ({ ...account, password }));
  // The mStudio accounts get the same random password, so a leak of it is found too.
  const v2 = {
    accounts: DEMO_V2_ACCOUNTS.map((account) => ({ ...account, password })),
    ...options.sandbox?.v2,
  };
  const sandbox = await startSandbox({ clock: clock.read, accounts, ...options.sandbox, v2 });
  const folder = mkdtempSync(join(tmpdir(), 'mwtokens-store-'));
  const cipher = options.cipher ?? new RecordingCipher();
  return build({ sandbox, clock, folder, cipher, password, outputs: [], managers: [] });
}

interface Shared {
  sandbox: Sandbox;
  clock: ManualClock;
  folder: string;
  cipher: SecretCipher;
  password: string;
  /** The store's files as they were when it was closed, so a late leak check still sees them. */
  lastFiles?: Haystack[];
  outputs: Haystack[];
  /** Every manager on this store (restarts included): each finishes writing before removal. */
  managers: TokenManager[];
}

function build(shared: Shared): ServiceHarness {
  const { sandbox, clock, folder, cipher, password } = shared;
  const timers = new ManualTimers(clock);
  const clipboard = new FakeClipboard();
  const logLines: string[] = [];
  const log = (line: string) => logLines.push(line);
  const manager = new TokenManager({
    store: new FolderStore(folder),
    cipher,
    clipboard,
    deviceName: 'test-host',
    sandboxUrl: sandbox.url,
    clock: clock.read,
    timers,
    timeoutMs: 2_000,
    log,
  });
  shared.managers.push(manager);
  const transcript: string[] = [];
  const seen = new Map<EventName, unknown[]>();
  for (const event of EVENT_NAMES) {
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
    password,
    transcript,
    logLines,
    outputs: shared.outputs,
    call: async (channel, input) => {
      const result = (await dispatch(manager, channel, input, log)) as Result<
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
    restart: () => build(shared),
    storeFiles: () => readStoreFiles(folder),
    lastFiles: () => shared.lastFiles,
    close: () => closeShared(shared),
  };
  live.add(harness);
  return harness;
}

/** Closes what a harness and all its restarts share; closing twice is harmless. */
async function closeShared(shared: Shared): Promise<void> {
  if (shared.lastFiles) return;
  // As when quitting: background writes (the rate-limit state) finish first, or one landing
  // after the removal would make the folder anew and leave it behind.
  await Promise.all(shared.managers.map((manager) => manager.dispose().catch(() => undefined)));
  if (shared.lastFiles) return;
  shared.lastFiles = fileHaystacks(shared.folder);
  // The shared rate-limit state is written in the background: a write landing during the
  // removal makes rmdir fail with ENOTEMPTY, which Node retries when asked to.
  rmSync(shared.folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  await shared.sandbox.close();
}

function fileHaystacks(folder: string): Haystack[] {
  try {
    return readdirSync(folder).map((name) => ({
      where: `file ${name}`,
      bytes: readFileSync(join(folder, name)),
    }));
  } catch {
    return [];
  }
}

/**
 * The store's records, without the shared rate-limit state: it is written in the background
 * whenever an answer carries limits (even a failed one), so "nothing changed" means the rest.
 */
function readStoreFiles(folder: string): Record<string, string> {
  try {
    return Object.fromEntries(
      readdirSync(folder)
        .filter((name) => !name.startsWith('ratelimits-'))
        .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
    );
  } catch {
    return {};
  }
}

/** Every secret the harness's world knows of: issued tokens and the accounts' passwords. */
export function secretsOf(harness: ServiceHarness): string[] {
  return [
    ...harness.sandbox.world.issuedSecrets,
    ...harness.sandbox.v2.world.issuedSecrets,
    harness.password,
  ];
}

/** Answers, events, log lines and the store's files (as bytes) of one harness. */
export function haystacksOf(harness: ServiceHarness): Haystack[] {
  return [
    { where: 'answers and events', text: harness.transcript.join('\n') },
    { where: 'log lines', text: harness.logLines.join('\n') },
    ...harness.outputs,
    ...(harness.lastFiles() ?? fileHaystacks(harness.folder)),
  ];
}

/** Harnesses of the current test that are closed after it without a leak check. */
const unchecked = new Set<ServiceHarness>();

/**
 * For tests that plant a leak on purpose and check for it themselves: no check after the test,
 * but closed after it like every other (its sandbox stopped, its store folder removed).
 */
export function withoutLeakGuard(harness: ServiceHarness): ServiceHarness {
  live.delete(harness);
  unchecked.add(harness);
  return harness;
}

/** Leak-checks every harness of the test that just ran (closed or not), then closes them all. */
export async function checkAndCloseAll(): Promise<void> {
  const harnesses = [...live];
  const planted = [...unchecked];
  live.clear();
  unchecked.clear();
  try {
    for (const harness of harnesses) assertNoLeaks(secretsOf(harness), haystacksOf(harness));
  } finally {
    for (const harness of [...harnesses, ...planted]) await harness.close();
  }
}

/** Adds a sandbox profile and signs in as demo (or the given account). */
export async function signedIn(harness: ServiceHarness, username = 'demo'): Promise<void> {
  await harness.ok('profiles:add', { name: 'Sandbox', server: 'sandbox' });
  const view = await harness.ok('session:signIn', { username, password: harness.password });
  if (view.status !== 'signed_in') throw new Error(`sign-in ended as ${view.status}`);
}
