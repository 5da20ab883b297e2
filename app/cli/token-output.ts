/** What `token` prints per format, and the list as a table or JSON. Pure. */
import type { ApplicationToken } from '../api/schemas';
import { shellQuote } from '../service/copy-formats';
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
  /** The app holds the secret (it was created there). */
  held: boolean;
  /** The app's own sign-in token for this profile. */
  isThisDevice: boolean;
  /** Replaced by a rotation, waiting to be revoked. */
  retiring: boolean;
}

export function listedTokens(tokens: ApplicationToken[], secrets: SecretsRecord): ListedToken[] {
  return tokens.map((token) => ({
    uuid: token.uuid,
    description: token.description,
    createdAt: new Date(token.crdate).toISOString(),
    held: Object.hasOwn(secrets.held, token.uuid),
    isThisDevice: token.uuid === secrets.deviceTokenUuid,
    retiring: secrets.retiring?.[token.uuid] !== undefined,
  }));
}

export function formatList(tokens: ListedToken[], json: boolean): string {
  if (json) return `${JSON.stringify(tokens, null, 2)}\n`;
  const rows = tokens.map((t) => [
    t.uuid,
    t.createdAt.slice(0, 16).replace('T', ' '),
    [t.isThisDevice && 'this-device', t.held && 'held', t.retiring && 'retiring']
      .filter(Boolean)
      .join(',') || '-',
    // One line per token, whatever the description holds.
    [...t.description].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join(''),
  ]);
  const table = [['UUID', 'CREATED (UTC)', 'FLAGS', 'DESCRIPTION'], ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  return table
    .map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '))
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}
