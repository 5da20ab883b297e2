/**
 * The command line's words, parsed and checked. Node's own `util.parseArgs` is enough here and
 * a library would add nothing: three commands with two or three options each, strict (an unknown
 * option is an error), no sub-sub-commands, no completion, help written by hand. It also never
 * prints or exits by itself (commander does both unless overridden), so what reaches stdout and
 * the exit code stay ours. `exec` takes everything after `--` (or from its first word on) as the
 * command, untouched, so the command's own options are never read as ours.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const TOKEN_FORMATS = ['raw', 'header', 'env'] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

const profileName = z.string().trim().min(1).max(100);

export type CliCommand =
  | { name: 'help'; topic?: 'token' | 'exec' | 'list' }
  | { name: 'token'; profile?: string; format: TokenFormat }
  | { name: 'list'; profile?: string; json: boolean }
  | { name: 'exec'; profile?: string; command: string; args: string[] };

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

const commandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('help'), topic: z.enum(['token', 'exec', 'list']).optional() }),
  z.object({
    name: z.literal('token'),
    profile: profileName.optional(),
    format: z.enum(TOKEN_FORMATS, { error: `--format is one of ${TOKEN_FORMATS.join(', ')}` }),
  }),
  z.object({ name: z.literal('list'), profile: profileName.optional(), json: z.boolean() }),
  z.object({
    name: z.literal('exec'),
    profile: profileName.optional(),
    command: z.string().min(1, 'exec needs a command after --'),
    args: z.array(z.string()),
  }),
]);

const common = {
  profile: { type: 'string', short: 'p' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `env`: MWTOKENS_PROFILE names the profile when --profile does not. */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedArgs {
  const [word, ...rest] = argv;
  const defaultProfile = env.MWTOKENS_PROFILE || undefined;
  try {
    const draft = draftOf(word, rest, defaultProfile);
    const checked = commandSchema.safeParse(draft);
    if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? '' };
    return { ok: true, command: checked.data };
  } catch (error) {
    return { ok: false, message: usageMessage(error) };
  }
}

function draftOf(word: string | undefined, rest: string[], defaultProfile?: string): unknown {
  switch (word) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help', topic: rest[0] };
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: { ...common, format: { type: 'string', short: 'f', default: 'raw' } },
        strict: true,
        allowPositionals: false,
      });
      if (values.help) return { name: 'help', topic: 'token' };
      return { name: 'token', profile: values.profile ?? defaultProfile, format: values.format };
    }
    case 'list': {
      const { values } = parseArgs({
        args: rest,
        options: { ...common, json: { type: 'boolean', default: false } },
        strict: true,
        allowPositionals: false,
      });
      if (values.help) return { name: 'help', topic: 'list' };
      return { name: 'list', profile: values.profile ?? defaultProfile, json: values.json };
    }
    case 'exec': {
      const split = commandStart(rest);
      const { values } = parseArgs({
        args: rest.slice(0, split),
        options: common,
        strict: true,
        allowPositionals: false,
      });
      const [command = '', ...args] = rest.slice(rest[split] === '--' ? split + 1 : split);
      if (values.help && command === '') return { name: 'help', topic: 'exec' };
      return { name: 'exec', profile: values.profile ?? defaultProfile, command, args };
    }
    default:
      // Echoed only when it looks like a mistyped command, never something pasted by mistake.
      throw new Error(
        /^[a-z-]{1,20}$/.test(word) ? `unknown command “${word}”` : 'unknown command',
      );
  }
}

/** Where exec's command begins: at `--`, or at the first word that is not ours. */
function commandStart(args: readonly string[]): number {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--' || !arg.startsWith('-')) return i;
    if (arg === '--profile' || arg === '-p') i += 1;
  }
  return args.length;
}

/**
 * parseArgs names an unknown option, never an option's value; an unexpected positional it
 * would echo, and that could be a secret pasted in the wrong place, so it is not repeated.
 */
function usageMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'invalid arguments';
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return 'unexpected argument (this command takes options only)';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Named only when it looks like an option: a pasted secret after "--" is never echoed.
    const named = /'(--?[A-Za-z][\w-]{0,24})'/.exec(error.message)?.[1];
    return named ? `unknown option ${named}` : 'unknown option';
  }
  return error.message;
}
