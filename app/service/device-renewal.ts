/**
 * Renewing this device's own v2 token before it expires (the host's notification offers it in
 * one click): v1's rotation, with the revoke done at once because nothing but this app uses the
 * token. The replacement is made with the current one, stored as the device token, adopted,
 * and only then is the old one revoked; a failed revoke leaves it marked to retire.
 */
import { isApiError } from '../api/errors';
import type { SessionView } from '../contract';
import type { ServiceCore } from './service-core';
import { ServiceError } from './service-error';
import {
  canMakeSuccessor,
  DAY_MS,
  DEFAULT_DEVICE_TOKEN_DAYS,
  expiringSoonWithin,
  rotation,
} from './token-expiry';
import { toColumns } from './token-list-columns';

export async function renewDeviceToken(core: ServiceCore): Promise<SessionView> {
  const runtime = await core.signedInRuntime();
  if (!runtime.supports.rolesAndExpiry)
    throw new ServiceError(
      'invalid_input',
      'A mittwald API v1 sign-in token does not expire; sign out and in again to replace it.',
    );
  const secrets = await runtime.secrets();
  const old = secrets.deviceTokenUuid;
  const held = old === undefined ? undefined : secrets.held[old];
  if (old === undefined || held === undefined)
    throw new ServiceError('not_signed_in', 'This profile keeps no device token to renew.');
  // The server would refuse the creation: said before any request, in the app's words.
  if (!canMakeSuccessor(held.roles))
    throw new ServiceError(
      'forbidden',
      'A read-only device token cannot make its successor; sign out and sign in again to renew it.',
    );
  await core.requireStorage(runtime.profile);
  const shown = runtime.lastList?.tokens.find((t) => t.uuid === old);
  const choice = rotation({ ...held, ...shown }, core.clock());
  const created = await core.withSession(runtime, (token) =>
    runtime.createToken(token, {
      description: `mwtokens on ${core.options.deviceName}`,
      ...choice,
      expiresAt: choice.expiresAt ?? core.clock() + DEFAULT_DEVICE_TOKEN_DAYS * DAY_MS,
    }),
  );
  // Stored before anything else: from here the new token is this device's sign-in.
  await core.holdSecret(runtime, created, { asDeviceToken: true, retires: old });
  await runtime.adoptDeviceToken(created);
  let revoked = true;
  try {
    await core.withSession(runtime, (token) => runtime.revokeToken(token, old));
  } catch (error) {
    revoked = isApiError(error, 'not_found');
    if (!revoked) core.log(`the renewed device token's predecessor stays listed to retire`);
  }
  if (revoked)
    await core.vault.updateSecrets(runtime.profile.id, (record) => {
      const keep = { ...record.held };
      delete keep[old];
      const retiring = { ...record.retiring };
      delete retiring[old];
      return { ...record, held: keep, retiring };
    });
  runtime.needsFresh = true;
  if (runtime.lastList) {
    const soon = await expiringSoonWithin(core);
    const row = soon({
      uuid: created.uuid,
      description: created.description,
      createdAt: created.createdAt,
      held: true,
      isThisDevice: true,
      ...(created.roles && { roles: created.roles }),
      ...(created.expiresAt !== undefined && { expiresAt: created.expiresAt }),
    });
    const since = core.clock();
    const rest = runtime.lastList.tokens.flatMap((t) => {
      if (t.uuid !== old) return [t];
      return revoked
        ? []
        : [{ ...t, isThisDevice: false, retire: { replacedBy: row.uuid, since } }];
    });
    runtime.lastList = { ...runtime.lastList, tokens: [row, ...rest] };
    core.emit('tokens:changed', toColumns(runtime.lastList));
  }
  await core.profilesChanged();
  return core.sessionChanged();
}
