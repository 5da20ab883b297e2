/**
 * The installed binary doubles as the command line (`mwtokens token | exec | list | --help`):
 * main.ts asks `cliArguments` first, and a CLI call is handed to app/cli here before the
 * single-instance lock, a window, the tray or the menu is touched, so a running app is never
 * disturbed. No window: Electron is needed only for safeStorage (after `ready`) and the store.
 *
 * stdout: on Linux and macOS the main process writes to the terminal or pipe it was started
 * with. On Windows the exe is a GUI-subsystem program: run from a console it gets no console
 * of its own, so cmd.exe does not wait for it and nothing shows; redirected (`| more`,
 * `> file`, `$(…)` in PowerShell) the inherited handles work. Not verified here (no Windows
 * machine, no Electron binary); the README says to pipe or redirect on Windows.
 */
import type { App, Dock, Event } from 'electron';
import { runCli } from '../../app/cli/run-cli';
import { processStreams, type CliStreams } from '../../app/cli/process-io';
import type { JsonValue, KeyValueStore } from '../../app/vault/ports';
import { ElectronStoreAdapter, type StoreApi } from './adapters';
import { SafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher';

/** The first word that makes a CLI call; anything else starts the app. */
const CLI_WORDS: ReadonlySet<string> = new Set(['token', 'exec', 'list', 'help', '--help', '-h']);

/**
 * The CLI's arguments, or undefined for a normal start. `argv` is `process.argv`:
 * packaged `[exe, …args]`; from the default app (`electron .`, `process.defaultApp`)
 * `[electron, …switches, appPath, …args]`. Switches before the command are Chromium's or
 * Electron's (`--no-sandbox`, `--user-data-dir=…`, Playwright's `--remote-debugging-port=0`,
 * macOS's `-psn_…`) and are not the CLI's; from the command on, everything is.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  let rest = argv.slice(1);
  if (defaultApp) {
    const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
    if (appPath < 0) return undefined;
    rest = rest.slice(appPath + 1);
  }
  const first = rest.findIndex((arg) => !arg.startsWith('-') || CLI_WORDS.has(arg));
  const word = rest[first];
  return word !== undefined && CLI_WORDS.has(word) ? rest.slice(first) : undefined;
}

/** What the hand-over uses of Electron's app (typed against electron.d.ts). */
export interface HandoverApp extends Pick<
  App,
  'whenReady' | 'exit' | 'disableHardwareAcceleration'
> {
  readonly dock?: Pick<Dock, 'hide'> | undefined;
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
}

export interface HandoverDeps {
  app: HandoverApp;
  safeStorage: SafeStorageApi;
  /** electron-store on the app's data file (the app's own name and folder); may throw. */
  openStore: () => StoreApi;
  env?: NodeJS.ProcessEnv;
  streams?: CliStreams;
}

/** Runs the CLI call to its end and exits with its code; the app itself never starts. */
export async function handOverToCli(args: readonly string[], deps: HandoverDeps): Promise<void> {
  const { app } = deps;
  // A command line call draws nothing: no GPU process, no Dock icon (both only before ready).
  app.disableHardwareAcceleration();
  app.dock?.hide();
  // Electron turns SIGINT/SIGTERM/SIGHUP into app.quit(); exec forwards them to its child and
  // waits for it, so only the call's own end may end the process (app.exit, below).
  app.on('before-quit', (event) => event.preventDefault());
  await app.whenReady();
  const code = await runCli(args, {
    store: lazyStore(deps.openStore),
    cipher: new SafeStorageCipher(deps.safeStorage),
    env: deps.env ?? process.env,
    ...(deps.streams ?? processStreams()),
  });
  app.exit(code);
}

/**
 * The data file is opened on first use, so `--help` works whatever state it is in. A file that
 * cannot be opened is reported as the store's failure and left exactly where it is (the app
 * moves an unreadable file aside; a script never does). The parser's message is not passed on:
 * it quotes the file's text.
 */
function lazyStore(open: () => StoreApi): KeyValueStore {
  let adapter: ElectronStoreAdapter | undefined;
  const store = (): ElectronStoreAdapter => {
    if (adapter) return adapter;
    try {
      adapter = new ElectronStoreAdapter(open());
    } catch (error) {
      const what = error instanceof SyntaxError ? 'is not readable JSON' : 'could not be opened';
      throw new Error(`the app's data file ${what}`, { cause: error });
    }
    return adapter;
  };
  return {
    get: async (key) => store().get(key),
    set: async (key, value: JsonValue) => store().set(key, value),
    delete: async (key) => store().delete(key),
    keys: async () => store().keys(),
    lock: async <T>(key: string, work: () => Promise<T>) => store().lock(key, work),
    stamp: async () => store().stamp(),
  };
}
