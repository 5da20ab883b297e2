/**
 * `mwtokens token | exec | list | --help`: the command line over the app's own core, for any
 * host (the Electron binary hands over to it; tests run it in Node). Answers the exit code.
 * Only the requested output is written to stdout; messages go to stderr and never carry a
 * secret: the token is written to stdout by `token` only, and to nothing else but the child's
 * environment by `exec`.
 */
import { parseCliArgs, type CliCommand } from './cli-args';
import { helpText, USAGE } from './cli-help';
import { CliProfile, type ProfileSources } from './cli-profile';
import { runInheriting, type ChildRunner } from './exec-command';
import { describeFailure, EXIT } from './exit-codes';
import { formatList, formatToken, listedTokens } from './token-output';

export interface CliHost extends ProfileSources {
  /** The environment the command runs in (MWTOKENS_PROFILE; the base of exec's child's). */
  env: Readonly<Record<string, string | undefined>>;
  /** Resolve once the text is handed to the OS (the host exits right after). */
  stdout: (text: string) => Promise<void>;
  stderr: (text: string) => Promise<void>;
  runChild?: ChildRunner;
}

export async function runCli(argv: readonly string[], host: CliHost): Promise<number> {
  const parsed = parseCliArgs(argv, host.env);
  if (!parsed.ok) {
    await host.stderr(`mwtokens: ${parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const command = parsed.command;
  if (command.name === 'help') {
    await host.stdout(helpText(command.topic));
    return EXIT.ok;
  }
  let opened: CliProfile | undefined;
  try {
    opened = await CliProfile.open(host, command.profile);
    return await run(command, opened, host);
  } catch (error) {
    const failure = describeFailure(error, host.clock);
    await host.stderr(`mwtokens: ${failure.message}\n`);
    return failure.code;
  } finally {
    await opened?.close();
  }
}

async function run(
  command: Exclude<CliCommand, { name: 'help' }>,
  profile: CliProfile,
  host: CliHost,
): Promise<number> {
  switch (command.name) {
    case 'token': {
      profile.requireFreshApiToken();
      const token = await profile.call((t) => Promise.resolve(t));
      await host.stdout(formatToken(token, command.format, profile.baseUrl));
      return EXIT.ok;
    }
    case 'list': {
      // Fresh: a revoke made in the app a moment ago must not come back from the server's cache.
      const answer = await profile.call((t) => profile.runtime.listTokens(t, true));
      const tokens = listedTokens(answer.value, await profile.runtime.secrets(), profile.api);
      await host.stdout(formatList(tokens, command.json, profile.api));
      return EXIT.ok;
    }
    case 'exec': {
      const token = await profile.call((t) => Promise.resolve(t));
      // Written before the child runs, so the app sees what was spent while it runs.
      await profile.close();
      const env = { ...host.env, MITTWALD_API_TOKEN: token, MITTWALD_API_URL: profile.baseUrl };
      return (host.runChild ?? runInheriting)(command.command, command.args, env, (line) =>
        host.stderr(`mwtokens: ${line}\n`),
      );
    }
  }
}
