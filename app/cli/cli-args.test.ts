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
});
