/**
 * The token list as a file the user can keep: uuid, description, created, held here, age, and
 * for v2 lists roles and expiry. Never a secret.
 */
import type { TokenExport, TokenRow } from '../contract';

const DAY_MS = 24 * 60 * 60 * 1000;
const COLUMNS = ['uuid', 'description', 'created', 'heldHere', 'thisDevice', 'ageDays'] as const;
/** Only a v2 list has them; a v1 export keeps its columns exactly. */
const V2_COLUMNS = [...COLUMNS, 'roles', 'expires'] as const;

export function exportTokens(
  tokens: readonly TokenRow[],
  format: 'csv' | 'json',
  now: number,
  profileName: string,
): TokenExport {
  const v2 = tokens.some((token) => token.roles !== undefined);
  const rows = tokens.map((token) => ({
    uuid: token.uuid,
    description: token.description,
    created: new Date(token.createdAt).toISOString(),
    heldHere: token.held,
    thisDevice: token.isThisDevice,
    ageDays: Math.max(0, Math.floor((now - token.createdAt) / DAY_MS)),
    ...(v2 && {
      roles: (token.roles ?? []).join(' '),
      expires: token.expiresAt === undefined ? '' : new Date(token.expiresAt).toISOString(),
    }),
  }));
  const stem = `mwtokens-${slug(profileName)}-${new Date(now).toISOString().slice(0, 10)}`;
  if (format === 'json')
    return {
      fileName: `${stem}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(rows, null, 2)}\n`,
    };
  const columns: readonly (typeof V2_COLUMNS)[number][] = v2 ? V2_COLUMNS : COLUMNS;
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => csvCell(String(row[column] ?? ''))).join(',')),
  ];
  return { fileName: `${stem}.csv`, mimeType: 'text/csv', content: `${lines.join('\r\n')}\r\n` };
}

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe, so a token's description cannot execute on opening the file.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'profile'
  );
}
