/**
 * Copies: a held token's secret in a format, or a fresh API token, decrypted here and written
 * to the clipboard with the marks that keep it out of clipboard history. Only a description of
 * what was copied is answered.
 */
import type { Handlers } from './handlers';
import type { ServiceCore } from './service-core';
import { ServiceError } from './service-error';
import { formatAccessToken, formatApiToken } from './copy-formats';

export function clipboardChannels(
  core: ServiceCore,
): Pick<
  Handlers,
  'clipboard:copyToken' | 'clipboard:copyApiToken' | 'clipboard:clear' | 'clipboard:state'
> {
  return {
    'clipboard:copyToken': async ({ uuid, format }) => {
      const runtime = await core.selectedRuntime();
      const held = (await runtime.secrets()).held[uuid];
      if (!held)
        throw new ServiceError(
          'secret_not_held',
          'This app does not hold that token’s secret; only tokens created here can be copied.',
        );
      const secret = await core.vault.open(held.secret);
      const what = `access token ‘${held.description}’`;
      if (format !== 'header')
        return core.copy(formatAccessToken(uuid, secret, format, runtime.baseUrl), what, format);
      // An Authorization header needs an API token made from the access token: one sign-in.
      const result = await runtime.client.authenticate({ username: uuid, password: secret });
      if (result.status !== 'authenticated')
        throw new ServiceError(
          'unauthorized',
          'The server asked for a second factor for an access token.',
        );
      return core.copy(
        formatApiToken(result.token, 'header', runtime.baseUrl),
        `API token from ${what}`,
        format,
        result.expiresAt,
      );
    },

    'clipboard:copyApiToken': async ({ format }) => {
      const runtime = await core.signedInRuntime();
      const token = await core.withSession(runtime, (t) => Promise.resolve(t));
      const expiresAt = runtime.session.currentApiToken()?.expiresAt;
      return core.copy(
        formatApiToken(token, format, runtime.baseUrl),
        'API token',
        format,
        expiresAt,
      );
    },

    'clipboard:clear': async () => ({ cleared: await core.guard.clearNow() }),
    'clipboard:state': () => Promise.resolve({ holding: core.guard.holding }),
  };
}
