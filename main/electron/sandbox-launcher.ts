/**
 * The local sandbox in the Electron app: started on the first use of a sandbox profile (the
 * service calls `url`), or at start-up when a developer asks (`--sandbox`, MWTOKENS_SANDBOX=1).
 * A failed start never ends start-up; it becomes the error of the action that needed it.
 */
export interface StartedSandbox {
  url: string;
  close(): Promise<void>;
}

export interface SandboxLauncher {
  /** Starts the sandbox once (a failed start is tried again on the next call). */
  url: () => Promise<string>;
  /** Closes it if it was started; nothing otherwise. */
  close: () => Promise<void>;
}

export function createSandboxLauncher(start: () => Promise<StartedSandbox>): SandboxLauncher {
  let running: Promise<StartedSandbox> | undefined;
  return {
    url: async () => {
      running ??= start().catch((error: unknown) => {
        running = undefined;
        throw error;
      });
      return (await running).url;
    },
    close: async () => {
      const started = running;
      running = undefined;
      if (!started) return;
      await started.then((sandbox) => sandbox.close()).catch(() => undefined);
    },
  };
}

export function sandboxRequestedEagerly(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--sandbox') || env.MWTOKENS_SANDBOX === '1';
}

/** For the developer flag: start now, log a failure, never throw. */
export function startEagerly(launcher: SandboxLauncher, log: (line: string) => void): void {
  launcher.url().then(
    (url) => log(`sandbox listening on ${url}`),
    (error: unknown) =>
      log(`sandbox did not start: ${error instanceof Error ? error.message : 'unknown error'}`),
  );
}
