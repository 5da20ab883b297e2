/**
 * Looks for secrets wherever they could have gone, in every encoding a careless change might
 * use: raw, base64, base64url, hex, URI-encoded, JSON-escaped and UTF-16. Encoded runs in the
 * haystack are also decoded and searched, so a secret inside a larger encoded blob is found at
 * any alignment. A finding names the secret's index and the place, never the secret itself.
 */

export interface Haystack {
  /** Where the text or bytes came from, e.g. "answer", "log", "file secrets-x.json". */
  where: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface Leak {
  secret: number;
  where: string;
  encoding: string;
}

/** Secrets shorter than this would match by chance; tests use long, random ones. */
export const MIN_SECRET_LENGTH = 8;

export function encodingsOf(secret: string): { encoding: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    { encoding: 'raw', text: secret },
    { encoding: 'base64', text: bytes.toString('base64').replace(/=+$/, '') },
    { encoding: 'base64url', text: bytes.toString('base64url') },
    { encoding: 'hex', text: bytes.toString('hex') },
    { encoding: 'HEX', text: bytes.toString('hex').toUpperCase() },
    { encoding: 'URI-encoded', text: encodeURIComponent(secret) },
    { encoding: 'JSON-escaped', text: json },
    { encoding: 'JSON-escaped twice', text: JSON.stringify(json).slice(1, -1) },
  ];
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}){8,}/g;

/**
 * Bytes hidden in encoded runs of the text, decoded at every alignment, as one buffer (runs
 * apart by a NUL): made once per haystack, so a large transcript is decoded once, not per secret.
 */
function decodedRuns(text: string): Buffer {
  const out: Buffer[] = [];
  const gap = Buffer.alloc(1);
  for (const run of text.match(BASE64_RUN) ?? []) {
    const normal = run.replaceAll('-', '+').replaceAll('_', '/').replace(/=+$/, '');
    for (let skip = 0; skip < 4; skip += 1)
      out.push(Buffer.from(normal.slice(skip), 'base64'), gap);
  }
  for (const run of text.match(HEX_RUN) ?? []) {
    out.push(Buffer.from(run, 'hex'), gap, Buffer.from(run.slice(1), 'hex'), gap);
  }
  return Buffer.concat(out);
}

function utf16(secret: string): Buffer[] {
  const le = Buffer.from(secret, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [le, be];
}

export function findLeaks(secrets: readonly string[], haystacks: readonly Haystack[]): Leak[] {
  secrets.forEach((secret, index) => {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new Error(`secret #${index} is too short to search for reliably`);
  });
  const leaks: Leak[] = [];
  for (const haystack of haystacks) {
    const bytes = haystack.bytes ? Buffer.from(haystack.bytes) : undefined;
    const text = haystack.text ?? bytes?.toString('utf8') ?? '';
    const wide = bytes ?? Buffer.from(text, 'utf8');
    let decoded: Buffer | undefined;
    secrets.forEach((secret, index) => {
      const found = (encoding: string) =>
        leaks.push({ secret: index, where: haystack.where, encoding });
      const hit = encodingsOf(secret).find(({ text: encoded }) => text.includes(encoded));
      if (hit) return found(hit.encoding);
      if (utf16(secret).some((form) => wide.includes(form))) return found('UTF-16');
      decoded ??= decodedRuns(text);
      if (decoded.includes(Buffer.from(secret, 'utf8'))) found('decoded run');
    });
  }
  return leaks.sort((a, b) => a.secret - b.secret);
}

/** Throws with the places (never the secrets) when any secret is found. */
export function assertNoLeaks(secrets: readonly string[], haystacks: readonly Haystack[]): void {
  const leaks = findLeaks(secrets, haystacks);
  if (leaks.length === 0) return;
  const lines = leaks.map((leak) => `secret #${leak.secret} in ${leak.where} (${leak.encoding})`);
  throw new Error(`Secrets leaked:\n${lines.join('\n')}`);
}
