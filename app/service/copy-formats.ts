/** The text a copy puts on the clipboard, per format. Pure, so each format is tested alone. */
import type { CopyFormat } from '../contract';
import { ServiceError } from './service-error';

const FORMAT_NAMES: Record<CopyFormat, string> = {
  raw: 'token',
  header: 'Authorization header',
  curl: 'curl line',
  signin: 'sign-in curl line',
  env: '.env line',
  export: 'export line',
};

/** Formats that only an access token has (a bearer token has nothing to sign in with). */
function bearerOnly(format: 'signin'): never {
  throw new ServiceError(
    'invalid_input',
    `The ${FORMAT_NAMES[format]} is for access tokens; an API token is used as it is.`,
  );
}

export function describeCopy(what: string, format: CopyFormat): string {
  return `${what} as ${FORMAT_NAMES[format]}`;
}

/** A `.env` value: bare when it is plainly safe, else double-quoted with escapes. */
export function envValue(value: string): string {
  return /^[\w.~+/=:-]*$/.test(value) ? value : JSON.stringify(value);
}

/** Single-quoted for POSIX shells: a quote inside becomes '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A bearer token (v1 API token, v2 API token) in the chosen format; `curl` calls `selfUrl`. */
function formatBearer(token: string, format: CopyFormat, selfUrl: string): string {
  switch (format) {
    case 'raw':
      return token;
    case 'header':
      return `Authorization: Bearer ${token}`;
    case 'curl':
      return `curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${shellQuote(selfUrl)}`;
    case 'signin':
      return bearerOnly(format);
    case 'env':
      return `MITTWALD_API_TOKEN=${envValue(token)}`;
    case 'export':
      return `export MITTWALD_API_TOKEN=${shellQuote(token)}`;
  }
}

/** A v1 API token (JWT) in the chosen format. */
export function formatApiToken(token: string, format: CopyFormat, baseUrl: string): string {
  return formatBearer(token, format, `${baseUrl}/authentication/self`);
}

/** The sign-in exchange: uuid and secret as username and password; answers a bare JWT. */
function signInCurl(uuid: string, secret: string, baseUrl: string): string {
  const body = shellQuote(JSON.stringify({ username: uuid, password: secret }));
  return `curl -s -X POST -H 'Content-Type: application/json' -H 'Accept: application/jwt' -d ${body} ${shellQuote(`${baseUrl}/authenticate`)}`;
}

/**
 * An access token in a format other than `header` (which needs an API token made from it).
 * Its uuid and secret are the username and password of /authenticate; `curl` signs in and
 * calls a real endpoint with the API token it got, in one line.
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
      return `curl -H "Authorization: Bearer $(${signInCurl(uuid, secret, baseUrl)})" ${shellQuote(`${baseUrl}/authentication/self`)}`;
    case 'signin':
      return signInCurl(uuid, secret, baseUrl);
    case 'env':
      return `MITTWALD_ACCESS_TOKEN_UUID=${envValue(uuid)}\nMITTWALD_ACCESS_TOKEN=${envValue(secret)}`;
    case 'export':
      return `export MITTWALD_ACCESS_TOKEN_UUID=${shellQuote(uuid)} MITTWALD_ACCESS_TOKEN=${shellQuote(secret)}`;
  }
}

/**
 * A v2 API token in the chosen format: it is the bearer itself (no exchange), so every format
 * carries it as is. `origin` is the v2 base (v2's paths carry `/v2` themselves).
 */
export function formatV2ApiToken(token: string, format: CopyFormat, origin: string): string {
  return formatBearer(token, format, `${origin}/v2/users/self/api-tokens`);
}
