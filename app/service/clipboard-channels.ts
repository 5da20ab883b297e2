/**
 * Copies: a held token's secret in a format, or a fresh API token, decrypted here and written
 * to the clipboard with the marks that keep it out of clipboard history. Only a description of
 * what was copied is answered.
 */
import type { Handlers } from './handlers';
import type { ServiceCore } from './service-core';
import { ServiceError } from './service-error';

export function clipboardChannels(
  core: ServiceCore,
): Pick<
  Handlers,
  | 'clipboard:copyToken'
  | 'clipboard:copyApiToken'
  | 'clipboard:copyUuid'
  | 'clipboard:clear'
  | 'clipboard:state'
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
      const copy = await runtime.copyText(uuid, secret, held.description, format);
      // v1's Authorization header carries an API token made from the access token.
      const kind = runtime.supports.freshApiToken && format === 'header' ? 'apiTokenFrom' : 'token';
      const subject = { kind, name: held.description } as const;
      return core.copy(copy.text, copy.what, subject, format, copy.expiresAt ?? held.expiresAt);
    },

    'clipboard:copyApiToken': async ({ format }) => {
      const runtime = await core.signedInRuntime();
      if (!runtime.supports.freshApiToken)
        throw new ServiceError(
          'invalid_input',
          'mStudio (API v2) tokens are used as they are: there is no fresh API token to copy. Copy a held token instead.',
        );
      const token = await core.withSession(runtime, (t) => Promise.resolve(t));
      const copy = runtime.freshApiToken(token, format);
      return core.copy(copy.text, copy.what, { kind: 'apiToken' }, format, copy.expiresAt);
    },

    'clipboard:copyUuid': async ({ uuid }) => {
      await core.guard.copyPlain(uuid);
      return { copied: true as const };
    },
    'clipboard:clear': async () => ({ cleared: await core.guard.clearNow() }),
    'clipboard:state': () => Promise.resolve({ holding: core.guard.holding }),
  };
}
