import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('exec: the command from `--` or from its first word on, its own options untouched', () => {
    expect(parseCliArgs(['exec', '-p', 'CI', '--', 'curl', '--profile', 'x', '-s'])).toEqual({
      ok: true,
      command: { name: 'exec', profile: 'CI', command: 'curl', args: ['--profile', 'x', '-s'] },
    });
    expect(parseCliArgs(['exec', '--profile', 'CI', 'node', '-e', '1'])).toEqual({
      ok: true,
      command: { name: 'exec', profile: 'CI', command: 'node', args: ['-e', '1'] },
    });
    expect(parseCliArgs(['exec', '--', 'ls', '--', '-a'])).toMatchObject({
      command: { command: 'ls', args: ['--', '-a'] },
    });
  });

  it('defaults: raw, a table, the profile from MWTOKENS_PROFILE unless --profile says', () => {
    const env = { MWTOKENS_PROFILE: 'FromEnv' };
    expect(parseCliArgs(['token'], env)).toEqual({
      ok: true,
      command: { name: 'token', profile: 'FromEnv', format: 'raw' },
    });
    expect(parseCliArgs(['list', '-p', 'Given'], env)).toEqual({
      ok: true,
      command: { name: 'list', profile: 'Given', json: false },
    });
    expect(parseCliArgs(['token', '--profile='], {})).toMatchObject({ ok: false });
  });

  it('help in every spelling, per command too', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, command: { name: 'help' } });
    expect(parseCliArgs(['help', 'exec'])).toEqual({
      ok: true,
      command: { name: 'help', topic: 'exec' },
    });
    expect(parseCliArgs(['list', '-h'])).toEqual({
      ok: true,
      command: { name: 'help', topic: 'list' },
    });
    expect(parseCliArgs(['help', 'nonsense'])).toMatchObject({ ok: false });
  });

  it('each command refuses an option it does not know, naming the option', () => {
    for (const argv of [
      ['token', '--bogus'],
      ['list', '--bogus'],
      ['exec', '--bogus', 'node'],
    ]) {
      const parsed = parseCliArgs(argv);
      expect(parsed, argv.join(' ')).toMatchObject({ ok: false });
      expect(parsed.ok || parsed.message).toBe('unknown option --bogus');
    }
  });

  it('a stray word is refused without repeating it (it could be a pasted secret)', () => {
    for (const argv of [
      ['token', 'stray-word'],
      ['list', '-p', 'a', 'stray-word'],
    ]) {
      expect(parseCliArgs(argv)).toEqual({
        ok: false,
        message: 'unexpected argument (this command takes options only)',
      });
    }
  });

  it('an option’s value is never echoed, even of an unknown or flag option', () => {
    const pasted = 'pasted0value';
    for (const argv of [
      ['token', `--bogus=${pasted}`],
      ['list', `--json=${pasted}`],
      ['token', `-x${pasted}`],
    ]) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      expect(JSON.stringify(parsed)).not.toContain(pasted);
    }
  });

  it('an unknown option is named only when it looks like one, never a pasted secret', () => {
    expect(parseCliArgs(['token', '--fromat', 'env'])).toEqual({
      ok: false,
      message: 'unknown option --fromat',
    });
    const pasted = `--${'s3cr3t'.repeat(8)}`;
    expect(parseCliArgs(['token', pasted])).toEqual({ ok: false, message: 'unknown option' });
    expect(parseCliArgs(['list', '--mw.pasted+token'])).toEqual({
      ok: false,
      message: 'unknown option',
    });
  });

  it('an unknown command is echoed only when it looks like a mistyped command', () => {
    expect(parseCliArgs(['tokens'])).toEqual({ ok: false, message: 'unknown command “tokens”' });
    expect(parseCliArgs(['x'])).toEqual({ ok: false, message: 'unknown command “x”' });
    for (const word of ['Tokens', 'tok3n', '3token', 'token!', 'a'.repeat(21), 'mw_pasted']) {
      expect(parseCliArgs([word]), word).toEqual({ ok: false, message: 'unknown command' });
    }
  });

  it('token: --format/-f takes raw, header or env and nothing else; -h is its help', () => {
    expect(parseCliArgs(['token', '-f', 'env'])).toEqual({
      ok: true,
      command: { name: 'token', format: 'env' },
    });
    expect(parseCliArgs(['token', '--format=header', '-p', 'P'])).toEqual({
      ok: true,
      command: { name: 'token', profile: 'P', format: 'header' },
    });
    expect(parseCliArgs(['token', '--format', 'xml'])).toEqual({
      ok: false,
      message: '--format is one of raw, header, env',
    });
    expect(parseCliArgs(['token', '-h'])).toEqual({
      ok: true,
      command: { name: 'help', topic: 'token' },
    });
  });

  it('list: --json, and no profile when neither --profile nor MWTOKENS_PROFILE names one', () => {
    expect(parseCliArgs(['list', '--json'], { MWTOKENS_PROFILE: '' })).toEqual({
      ok: true,
      command: { name: 'list', json: true },
    });
  });

  it('exec: help only without a command; a command is required; --profile=NAME is one word', () => {
    expect(parseCliArgs(['exec', '--help'])).toEqual({
      ok: true,
      command: { name: 'help', topic: 'exec' },
    });
    expect(parseCliArgs(['exec', '-p', 'CI'])).toEqual({
      ok: false,
      message: 'exec needs a command after --',
    });
    expect(parseCliArgs(['exec', '--profile=CI', 'node', '-v'])).toEqual({
      ok: true,
      command: { name: 'exec', profile: 'CI', command: 'node', args: ['-v'] },
    });
    expect(parseCliArgs(['exec', 'env'], { MWTOKENS_PROFILE: 'E' })).toEqual({
      ok: true,
      command: { name: 'exec', profile: 'E', command: 'env', args: [] },
    });
  });
});
