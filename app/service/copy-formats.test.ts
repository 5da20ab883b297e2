import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  describeCopy,
  envValue,
  formatAccessToken,
  formatApiToken,
  shellQuote,
} from './copy-formats';

const BASE = 'https://api.mittwald.de/v1';

describe('copy formats', () => {
  it('formats an API token as header, curl line and export line', () => {
    expect(formatApiToken('a.b.c', 'raw', BASE)).toBe('a.b.c');
    expect(formatApiToken('a.b.c', 'header', BASE)).toBe('Authorization: Bearer a.b.c');
    expect(formatApiToken('a.b.c', 'curl', BASE)).toBe(
      `curl -H 'Authorization: Bearer a.b.c' '${BASE}/authentication/self'`,
    );
    expect(formatApiToken('a.b.c', 'export', BASE)).toBe(`export MITTWALD_API_TOKEN='a.b.c'`);
  });

  it('an access token’s sign-in line authenticates with uuid and secret as username and password', () => {
    const line = formatAccessToken('u-1', 'MW_x', 'signin', BASE);
    expect(line).toContain(`'{"username":"u-1","password":"MW_x"}'`);
    expect(line).toContain(`'${BASE}/authenticate'`);
    expect(formatAccessToken('u-1', 'MW_x', 'curl', BASE)).toContain(
      `'${BASE}/authentication/self'`,
    );
  });

  it('.env lines: bare when safe, quoted otherwise; a bearer token has no sign-in line', () => {
    expect(formatApiToken('a.b.c', 'env', BASE)).toBe('MITTWALD_API_TOKEN=a.b.c');
    expect(formatAccessToken('u-1', 'MW_x', 'env', BASE)).toBe(
      'MITTWALD_ACCESS_TOKEN_UUID=u-1\nMITTWALD_ACCESS_TOKEN=MW_x',
    );
    expect(envValue('a b"c')).toBe('"a b\\"c"');
    expect(() => formatApiToken('a.b.c', 'signin', BASE)).toThrow(/access tokens/);
  });

  it('quotes for a POSIX shell so that the value comes back byte for byte', () => {
    const nasty = `it's $HOME \`id\` "x" \\ ;|&`;
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`], {
      encoding: 'utf8',
    });
    expect(echoed).toBe(nasty);
  });

  it('describes what was copied in words', () => {
    expect(describeCopy('API token', 'header')).toBe('API token as Authorization header');
  });
});
