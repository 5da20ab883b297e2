/** The token list as a file the user can keep: uuid, description, created, held here, age. Never a secret. */
import type { TokenExport, TokenRow } from '../contract';

const DAY_MS = 24 * 60 * 60 * 1000;
const COLUMNS = ['uuid', 'description', 'created', 'heldHere', 'thisDevice', 'ageDays'] as const;

export function exportTokens(
  tokens: readonly TokenRow[],
  format: 'csv' | 'json',
  now: number,
  profileName: string,
): TokenExport {
  const rows = tokens.map((token) => ({
    uuid: token.uuid,
    description: token.description,
    created: new Date(token.createdAt).toISOString(),
    heldHere: token.held,
    thisDevice: token.isThisDevice,
    ageDays: Math.max(0, Math.floor((now - token.createdAt) / DAY_MS)),
  }));
  const stem = `mwtokens-${slug(profileName)}-${new Date(now).toISOString().slice(0, 10)}`;
  if (format === 'json')
    return {
      fileName: `${stem}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(rows, null, 2)}\n`,
    };
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((column) => csvCell(String(row[column]))).join(',')),
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
