/**
 * `exec`'s child: stdin, stdout and stderr inherited (so pipes and terminals work as if the
 * command ran alone), signals sent to us forwarded to it, and its status answered: its exit
 * code, 128 + the signal's number when a signal ended it (as shells report it), 127 when the
 * command was not found and 126 when it could not be run.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Runs a command to its end; answers the status to exit with. */
export type ChildRunner = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  /** Told why a command could not be started (no secrets: the command's name only). */
  report: (line: string) => Promise<void>,
) => Promise<number>;

/** What a terminal or a supervisor sends us; Windows knows only these two. */
const FORWARDED: readonly NodeJS.Signals[] =
  process.platform === 'win32'
    ? ['SIGINT', 'SIGBREAK']
    : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];

/**
 * Ctrl-C in a terminal reaches the whole foreground group, the child too, so forwarding sends
 * it a second SIGINT, as aws-vault does; a `kill` aimed at this process alone reaches the child
 * only through this. Either way this process stays until the child ends, and exits as it did.
 */
export const runInheriting: ChildRunner = (command, args, env, report) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: 'inherit', env });
    const forwards = FORWARDED.map((signal) => {
      const forward = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      process.on(signal, forward);
      return () => process.off(signal, forward);
    });
    let settled = false;
    const finish = (status: number) => {
      if (settled) return;
      settled = true;
      for (const stop of forwards) stop();
      resolve(status);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return; // a failed kill of a running child: wait for its exit
      const notFound = error.code === 'ENOENT';
      void report(
        notFound ? `command not found: ${command}` : `command could not be run: ${command}`,
      ).then(() => finish(notFound ? 127 : 126));
    });
    child.on('exit', (code, signal) => {
      finish(code ?? 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0)));
    });
  });
