/** What `token` prints per format, and the list as a table or JSON. Pure. */
import type { ApiKind, ApiTokenRole } from '../contract';
import { shellQuote } from '../service/copy-formats';
import type { ListedToken as RuntimeToken } from '../service/token-runtime';
import type { SecretsRecord } from '../vault/records';
import type { TokenFormat } from './cli-args';

export function formatToken(token: string, format: TokenFormat, baseUrl: string): string {
  switch (format) {
    case 'raw':
      return `${token}\n`;
    case 'header':
      return `Authorization: Bearer ${token}\n`;
    case 'env':
      return `export MITTWALD_API_TOKEN=${shellQuote(token)}\nexport MITTWALD_API_URL=${shellQuote(baseUrl)}\n`;
  }
}

export interface ListedToken {
  uuid: string;
  description: string;
  createdAt: string;
  /** v2: when it expires (ISO); null: never. */
  expiresAt?: string | null;
  /** v2: what it may do. */
  roles?: ApiTokenRole[];
  /** The app holds the secret (it was created there). */
  held: boolean;
  /** The app's own sign-in token for this profile. */
  isThisDevice: boolean;
  /** Replaced by a rotation, waiting to be revoked. */
  retiring: boolean;
}

export function listedTokens(
  tokens: RuntimeToken[],
  secrets: SecretsRecord,
  api: ApiKind,
): ListedToken[] {
  return tokens.map((token) => ({
    uuid: token.uuid,
    description: token.description,
    createdAt: new Date(token.createdAt).toISOString(),
    // v2's columns, in v2's lists only: v1's JSON stays as scripts know it.
    ...(api === 'v2' && {
      expiresAt: token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString(),
      roles: token.roles ?? [],
    }),
    held: Object.hasOwn(secrets.held, token.uuid),
    isThisDevice: token.uuid === secrets.deviceTokenUuid,
    retiring: secrets.retiring?.[token.uuid] !== undefined,
  }));
}

const minutes = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function formatList(tokens: ListedToken[], json: boolean, api: ApiKind): string {
  if (json) return `${JSON.stringify(tokens, null, 2)}\n`;
  const v2 = api === 'v2';
  const rows = tokens.map((t) => [
    t.uuid,
    minutes(t.createdAt),
    ...(v2 ? [t.expiresAt ? minutes(t.expiresAt) : 'never', (t.roles ?? []).join(',') || '-'] : []),
    [t.isThisDevice && 'this-device', t.held && 'held', t.retiring && 'retiring']
      .filter(Boolean)
      .join(',') || '-',
    // One line per token, whatever the description holds.
    [...t.description].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join(''),
  ]);
  const head = ['UUID', 'CREATED (UTC)', ...(v2 ? ['EXPIRES (UTC)', 'ROLES'] : []), 'FLAGS'];
  const table = [[...head, 'DESCRIPTION'], ...rows];
  // Every column padded but the description, which ends the line.
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  return table
    .map((row) =>
      row.map((cell, i) => (i < head.length ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '),
    )
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}
