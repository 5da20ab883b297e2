/** The text a copy puts on the clipboard, per format. Pure, so each format is tested alone. */
import type { CopyFormat } from '../contract';

const FORMAT_NAMES: Record<CopyFormat, string> = {
  raw: 'token',
  header: 'Authorization header',
  curl: 'curl line',
  export: 'export line',
};

export function describeCopy(what: string, format: CopyFormat): string {
  return `${what} as ${FORMAT_NAMES[format]}`;
}

/** Single-quoted for POSIX shells: a quote inside becomes '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** An API token (JWT) in the chosen format. */
export function formatApiToken(token: string, format: CopyFormat, baseUrl: string): string {
  switch (format) {
    case 'raw':
      return token;
    case 'header':
      return `Authorization: Bearer ${token}`;
    case 'curl':
      return `curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${shellQuote(`${baseUrl}/authentication/self`)}`;
    case 'export':
      return `export MITTWALD_API_TOKEN=${shellQuote(token)}`;
  }
}

/**
 * An access token in a format other than `header` (which needs an API token made from it).
 * Its uuid and secret are the username and password of /authenticate.
 */
export function formatAccessToken(
  uuid: string,
  secret: string,
  format: Exclude<CopyFormat, 'header'>,
  baseUrl: string,
): string {
  switch (format) {
    case 'raw':
      return secret;
    case 'curl':
      return `curl -X POST -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify({ username: uuid, password: secret }))} ${shellQuote(`${baseUrl}/authenticate`)}`;
    case 'export':
      return `export MITTWALD_ACCESS_TOKEN_UUID=${shellQuote(uuid)} MITTWALD_ACCESS_TOKEN=${shellQuote(secret)}`;
  }
}

/**
 * A v2 API token in the chosen format: it is the bearer itself (no exchange), so every format
 * carries it as is. `origin` is the v2 base (v2's paths carry `/v2` themselves).
 */
export function formatV2ApiToken(token: string, format: CopyFormat, origin: string): string {
  switch (format) {
    case 'raw':
      return token;
    case 'header':
      return `Authorization: Bearer ${token}`;
    case 'curl':
      return `curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${shellQuote(`${origin}/v2/users/self/api-tokens`)}`;
    case 'export':
      return `export MITTWALD_API_TOKEN=${shellQuote(token)}`;
  }
}
