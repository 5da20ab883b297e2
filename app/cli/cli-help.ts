/** What `mwtokens --help` prints (on stdout: it was asked for), and the short usage for errors. */
import { EXIT } from './exit-codes';

export const USAGE = `usage: mwtokens token [--profile NAME] [--format raw|header|env]
       mwtokens exec [--profile NAME] -- COMMAND [ARGS…]
       mwtokens list [--profile NAME] [--json]
       mwtokens --help [token|exec|list]
`;

const TOPICS = {
  token: `mwtokens token [--profile NAME] [--format raw|header|env]
  Prints a fresh short-lived API token of a v1 profile: the cached one while it is valid, else a
  new one made from the profile's stored sign-in (and cached again, encrypted). An mStudio
  (API v2) profile has none (its API token is used as it is): use exec.
    --format raw     the token (default)
    --format header  Authorization: Bearer <token>
    --format env     export lines for MITTWALD_API_TOKEN and MITTWALD_API_URL (eval in sh/bash/zsh)
`,
  exec: `mwtokens exec [--profile NAME] -- COMMAND [ARGS…]
  Runs COMMAND with MITTWALD_API_TOKEN (v1: a fresh API token; v2: this device's API token as
  it is) and MITTWALD_API_URL in its environment, stdin, stdout and stderr passed through,
  signals forwarded, and exits with its status (128 + the signal's number if a signal ended it;
  127 if it was not found, 126 if it could not be run).
`,
  list: `mwtokens list [--profile NAME] [--json]
  Lists the profile's tokens (never a secret): uuid, created, flags, description, and for v2
  expires and roles; --json prints them as a JSON array.
`,
} as const;

export function helpText(topic?: keyof typeof TOPICS): string {
  if (topic !== undefined) return TOPICS[topic];
  return `mwtokens: API tokens for scripts, from the keychain of the mwtokens app.

${TOPICS.token}
${TOPICS.exec}
${TOPICS.list}
Profiles: --profile takes a profile's name or id; without it, MWTOKENS_PROFILE, then the app's
default or selected profile. Only the requested output goes to stdout; messages go to stderr.

Exit codes:
  ${EXIT.ok}  done
  ${EXIT.failed}  failed otherwise (the server refused, an unexpected answer)
  ${EXIT.usage}  usage: unknown command or option
  ${EXIT.notSignedIn}  not signed in: the profile has no stored sign-in, or it was refused
  ${EXIT.unknownProfile}  unknown profile (or none chosen)
  ${EXIT.keychain}  keychain unavailable, or the secret was sealed by another keychain
  ${EXIT.store}  the app's storage could not be read, written or locked
  ${EXIT.rateLimited}  rate limited: the message says when the limit resets
  ${EXIT.network}  network: the server could not be reached, timed out or failed (5xx)
  ${EXIT.notForThisApi}  not for this API: the command does not apply to the profile (token with v2)
`;
}
