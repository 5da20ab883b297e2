/**
 * What `token` and `list` print: the formats scripts paste or eval, the JSON they parse (v1's
 * shape unchanged by v2), and a table with one line per token, columns aligned.
 */
import { describe, expect, it } from 'vitest';
import type { ListedToken as RuntimeToken } from '../service/token-runtime';
import type { SecretsRecord } from '../vault/records';
import { formatList, formatToken, listedTokens } from './token-output';

const URL = 'https://api.example/v2/';

describe('formatToken', () => {
  it('raw is the token and a newline, header an Authorization line', () => {
    expect(formatToken('t0k', 'raw', URL)).toBe('t0k\n');
    expect(formatToken('t0k', 'header', URL)).toBe('Authorization: Bearer t0k\n');
  });

  it('env exports token and URL, each single-quoted so `eval` takes them literally', () => {
    expect(formatToken("it's $x", 'env', "https://h/'q'")).toBe(
      `export MITTWALD_API_TOKEN='it'\\''s $x'\nexport MITTWALD_API_URL='https://h/'\\''q'\\'''\n`,
    );
  });
});

const at = (iso: string) => Date.parse(iso);
const runtime: RuntimeToken[] = [
  { uuid: 'aaaa-1', description: 'sign-in', createdAt: at('2026-01-02T03:04:05.000Z') },
  {
    uuid: 'b-2',
    description: 'ci\tbot\nnext\u007fend',
    createdAt: at('2026-02-03T04:05:06.000Z'),
    expiresAt: at('2026-03-04T05:06:07.000Z'),
    roles: ['api_read', 'api_write'],
  },
  { uuid: 'c-3', description: '', createdAt: at('2026-04-05T06:07:08.000Z') },
];
const secrets = {
  version: 1,
  deviceTokenUuid: 'aaaa-1',
  held: { 'b-2': {} as SecretsRecord['held'][string] },
  retiring: { 'b-2': { replacedBy: 'c-3', since: 0 } },
} satisfies SecretsRecord;

describe('listedTokens', () => {
  it('v1: the fields scripts know, flags from the store, no v2 columns', () => {
    expect(listedTokens(runtime, secrets, 'v1')).toEqual([
      {
        uuid: 'aaaa-1',
        description: 'sign-in',
        createdAt: '2026-01-02T03:04:05.000Z',
        held: false,
        isThisDevice: true,
        retiring: false,
      },
      {
        uuid: 'b-2',
        description: 'ci\tbot\nnext\u007fend',
        createdAt: '2026-02-03T04:05:06.000Z',
        held: true,
        isThisDevice: false,
        retiring: true,
      },
      {
        uuid: 'c-3',
        description: '',
        createdAt: '2026-04-05T06:07:08.000Z',
        held: false,
        isThisDevice: false,
        retiring: false,
      },
    ]);
  });

  it('v2: expiry (null for never) and roles (empty when none) too', () => {
    const [first, second] = listedTokens(runtime, { version: 1, held: {} }, 'v2');
    expect(first).toMatchObject({ expiresAt: null, roles: [], retiring: false, held: false });
    expect(second).toMatchObject({
      expiresAt: '2026-03-04T05:06:07.000Z',
      roles: ['api_read', 'api_write'],
      isThisDevice: false,
    });
  });
});

describe('formatList', () => {
  it('JSON: the listed tokens, indented, ending in a newline', () => {
    const tokens = listedTokens(runtime, secrets, 'v1');
    const text = formatList(tokens, true, 'v1');
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(tokens);
    expect(text).toContain('\n  {\n    "uuid": "aaaa-1",\n');
  });

  it('v1 table: columns aligned, flags joined, control characters blanked, no trailing space', () => {
    expect(formatList(listedTokens(runtime, secrets, 'v1'), false, 'v1')).toBe(
      [
        'UUID    CREATED (UTC)     FLAGS          DESCRIPTION',
        'aaaa-1  2026-01-02 03:04  this-device    sign-in',
        'b-2     2026-02-03 04:05  held,retiring  ci bot next end',
        'c-3     2026-04-05 06:07  -',
        '',
      ].join('\n'),
    );
  });

  it('v2 table: expiry (“never”) and roles (“-” when none) before the flags', () => {
    expect(formatList(listedTokens(runtime, secrets, 'v2'), false, 'v2')).toBe(
      [
        'UUID    CREATED (UTC)     EXPIRES (UTC)     ROLES               FLAGS          DESCRIPTION',
        'aaaa-1  2026-01-02 03:04  never             -                   this-device    sign-in',
        'b-2     2026-02-03 04:05  2026-03-04 05:06  api_read,api_write  held,retiring  ci bot next end',
        'c-3     2026-04-05 06:07  never             -                   -',
        '',
      ].join('\n'),
    );
  });

  it('an empty list is the header alone, or an empty JSON array', () => {
    expect(formatList([], false, 'v1')).toBe('UUID  CREATED (UTC)  FLAGS  DESCRIPTION\n');
    expect(formatList([], true, 'v2')).toBe('[]\n');
  });
});
