/**
 * The token list, create, rotate, revoke and the inventory export. A secret exists once, in the
 * create's answer: it goes into the vault before anything else is done with it. A revoke or a
 * create is never undone by the server's cached list: the first list after start, and the first
 * after a revoke, are read fresh.
 */
import { isApiError } from '../api/errors';
import type { RevokeOutcome, TokenListView, TokenRow } from '../contract';
import { TOKEN_DESCRIPTION_MAX } from '../contract-names';
import type { SecretsRecord } from '../vault/records';
import type { Handlers } from './handlers';
import type { ServiceCore } from './service-core';
import { ServiceError } from './service-error';
import { exportTokens } from './token-export';
import { flagExpiring, rotation } from './token-expiry';
import { toColumns } from './token-list-columns';
import type { ListedToken, TokenRuntime } from './token-runtime';

export function tokenChannels(
  core: ServiceCore,
  copyHeldToken: Handlers['clipboard:copyToken'],
): Pick<
  Handlers,
  | 'tokens:list'
  | 'tokens:create'
  | 'tokens:update'
  | 'tokens:rotate'
  | 'tokens:export'
  | 'tokens:revoke'
  | 'tokens:revokeMany'
> {
  /** Shows a change made here at once, without asking the server again. */
  const changeShownList = (runtime: TokenRuntime, change: (tokens: TokenRow[]) => TokenRow[]) => {
    if (!runtime.lastList) return;
    runtime.lastList = { ...runtime.lastList, tokens: change(runtime.lastList.tokens) };
    core.emit('tokens:changed', toColumns(runtime.lastList));
  };

  const revokeOne = async (
    runtime: TokenRuntime,
    uuid: string,
    confirmed: boolean,
  ): Promise<RevokeOutcome> => {
    const own = (await runtime.secrets()).deviceTokenUuid === uuid;
    if (own && !confirmed) throw ownSignInNeedsConfirmation();
    let outcome: RevokeOutcome['outcome'] = 'revoked';
    try {
      await core.withSession(runtime, (token) => runtime.revokeToken(token, uuid));
    } catch (error) {
      if (!isApiError(error, 'not_found')) throw error;
      outcome = 'not_found';
    }
    runtime.needsFresh = true;
    if (own) {
      await runtime.forgetSignIn();
      runtime.lastList = undefined;
      await core.sessionChanged();
    } else {
      await core.vault.updateSecrets(runtime.profile.id, (record) => {
        const held = { ...record.held };
        delete held[uuid];
        const retiring = { ...record.retiring };
        delete retiring[uuid];
        return { ...record, held, retiring };
      });
      changeShownList(runtime, (tokens) => tokens.filter((t) => t.uuid !== uuid));
    }
    return { uuid, outcome };
  };

  const list = async (runtime: TokenRuntime, fresh: boolean): Promise<TokenListView> => {
    const answer = await core.withSession(runtime, (token) =>
      runtime.listTokens(token, fresh || runtime.needsFresh),
    );
    runtime.needsFresh = false;
    const view: TokenListView = {
      profileId: runtime.profile.id,
      tokens: await flagExpiring(core, merge(answer.value, await runtime.secrets())),
      cacheHit: answer.cacheHit,
      fetchedAt: core.clock(),
    };
    runtime.lastList = view;
    return view;
  };

  return {
    // The asker gets the list as the answer; events carry changes made elsewhere (create,
    // revoke), so 10,000 rows never cross the bridge twice. Both in the column form.
    'tokens:list': async (input) =>
      toColumns(await list(await core.signedInRuntime(), input?.fresh ?? false)),

    'tokens:create': async ({ description, roles, expiresAt }) => {
      const runtime = await core.signedInRuntime();
      const v2Only = roles !== undefined || expiresAt !== undefined;
      if (v2Only && !runtime.supports.rolesAndExpiry)
        throw new ServiceError(
          'invalid_input',
          'Roles and expiry can be chosen for mStudio (API v2) tokens only.',
        );
      if (expiresAt !== undefined && expiresAt <= core.clock())
        throw new ServiceError('invalid_input', 'The expiry must lie in the future.');
      await core.requireStorage(runtime.profile);
      const created = await core.withSession(runtime, (token) =>
        runtime.createToken(token, {
          description,
          ...(roles !== undefined && { roles }),
          ...(expiresAt !== undefined && { expiresAt }),
        }),
      );
      await core.holdSecret(runtime, created);
      const [row] = await flagExpiring(core, [rowOf(created, true)] as const);
      changeShownList(runtime, (tokens) => [row, ...tokens.filter((t) => t.uuid !== row.uuid)]);
      return row;
    },

    'tokens:update': async ({ uuid, description, expiresAt }) => {
      const runtime = await core.signedInRuntime();
      if (!runtime.supports.rolesAndExpiry)
        throw new ServiceError(
          'invalid_input',
          'The mittwald API v1 cannot change a token; create a new one instead.',
        );
      if (typeof expiresAt === 'number' && expiresAt <= core.clock())
        throw new ServiceError('invalid_input', 'The expiry must lie in the future.');
      // v2's update is a PUT of both fields: what the input leaves out is sent as it is now.
      const current =
        runtime.lastList?.tokens.find((t) => t.uuid === uuid) ??
        (await list(runtime, true)).tokens.find((t) => t.uuid === uuid);
      if (!current) throw new ServiceError('not_found', 'There is no such token.');
      const change = {
        description: description ?? current.description,
        expiresAt: expiresAt === null ? undefined : (expiresAt ?? current.expiresAt),
      };
      await core.withSession(runtime, (token) => runtime.updateToken(token, uuid, change));
      const secrets = await core.vault.updateSecrets(runtime.profile.id, (record) => {
        const held = record.held[uuid];
        if (!held) return record;
        // An expiry removed is stored as absent (JSON drops the undefined).
        const entry = { ...held, description: change.description, expiresAt: change.expiresAt };
        return { ...record, held: { ...record.held, [uuid]: entry } };
      });
      // This device's own token: the session learns its new expiry from the vault, no request.
      if (secrets.deviceTokenUuid === uuid) await runtime.restore();
      const [row] = await flagExpiring(core, [
        {
          ...rowOf({ ...current, ...change }, current.held),
          isThisDevice: current.isThisDevice,
          ...(current.retire && { retire: current.retire }),
        },
      ] as const);
      changeShownList(runtime, (tokens) => tokens.map((t) => (t.uuid === uuid ? row : t)));
      await core.sessionChanged();
      return row;
    },

    'tokens:rotate': async ({ uuid, format }) => {
      const runtime = await core.signedInRuntime();
      await core.requireStorage(runtime.profile);
      const secrets = await runtime.secrets();
      if (secrets.deviceTokenUuid === uuid)
        throw new ServiceError(
          'invalid_input',
          runtime.supports.rolesAndExpiry
            ? 'This device’s own token is renewed, not rotated: choose Renew.'
            : 'This device’s own sign-in token is replaced by signing out and in again.',
        );
      const shown = runtime.lastList?.tokens.find((t) => t.uuid === uuid);
      const old = shown?.description ?? secrets.held[uuid]?.description;
      if (old === undefined) throw new ServiceError('not_found', 'There is no such token.');
      const description = rotatedDescription(old, core.clock());
      // A failed create changes nothing: the old token stays as it was.
      const created = await core.withSession(runtime, (token) =>
        runtime.createToken(token, {
          description,
          ...rotation(shown ?? secrets.held[uuid], core.clock()),
        }),
      );
      await core.holdSecret(runtime, created, { retires: uuid });
      const since = core.clock();
      const [replacement] = await flagExpiring(core, [rowOf(created, true)] as const);
      changeShownList(runtime, (tokens) => [
        replacement,
        ...tokens.map((t) =>
          t.uuid === uuid ? { ...t, retire: { replacedBy: created.uuid, since } } : t,
        ),
      ]);
      // Held and listed before the copy: a failed copy loses nothing, it can be copied again.
      const receipt = await copyHeldToken({ uuid: created.uuid, format });
      return { replacement, receipt };
    },

    'tokens:export': async ({ format }) => {
      const runtime = await core.signedInRuntime();
      const shown = runtime.lastList ?? (await list(runtime, false));
      return exportTokens(shown.tokens, format, core.clock(), runtime.profile.name);
    },

    'tokens:revoke': async ({ uuid, confirmOwnSignIn }) =>
      revokeOne(await core.signedInRuntime(), uuid, confirmOwnSignIn ?? false),

    'tokens:revokeMany': async ({ uuids, confirmOwnSignIn }) => {
      const runtime = await core.signedInRuntime();
      const device = (await runtime.secrets()).deviceTokenUuid;
      if (device !== undefined && uuids.includes(device) && !confirmOwnSignIn)
        throw ownSignInNeedsConfirmation();
      // This device's own token goes last: revoking it ends the session the others need.
      const ordered = [...new Set(uuids)].sort(
        (a, b) => Number(a === device) - Number(b === device),
      );
      const outcomes: RevokeOutcome[] = [];
      for (const [index, uuid] of ordered.entries()) {
        try {
          outcomes.push(await revokeOne(runtime, uuid, true));
        } catch (error) {
          const message = error instanceof Error ? error.message : 'failed';
          outcomes.push({ uuid, outcome: 'failed', message });
          if (isApiError(error, 'rate_limited') || isApiError(error, 'unauthorized')) {
            for (const rest of ordered.slice(index + 1))
              outcomes.push({ uuid: rest, outcome: 'skipped', message: 'Not tried: ' + message });
            break;
          }
        }
      }
      return outcomes;
    },
  };
}

function rowOf(token: ListedToken, held: boolean): TokenRow {
  return {
    uuid: token.uuid,
    description: token.description,
    createdAt: token.createdAt,
    held,
    isThisDevice: false,
    ...(token.roles !== undefined && { roles: token.roles }),
    ...(token.expiresAt !== undefined && { expiresAt: token.expiresAt }),
  };
}

function merge(tokens: ListedToken[], secrets: SecretsRecord): TokenRow[] {
  return tokens.map((token) => {
    const retire = secrets.retiring?.[token.uuid];
    return {
      ...rowOf(token, Object.hasOwn(secrets.held, token.uuid)),
      isThisDevice: token.uuid === secrets.deviceTokenUuid,
      ...(retire && { retire }),
    };
  });
}

const ROTATED = / \(rotated \d{4}-\d{2}-\d{2}\)$/;

/** "CI deploy" → "CI deploy (rotated 2026-11-29)"; an earlier mark is replaced, not stacked. */
export function rotatedDescription(description: string, now: number): string {
  const mark = ` (rotated ${new Date(now).toISOString().slice(0, 10)})`;
  const base = description.replace(ROTATED, '').slice(0, TOKEN_DESCRIPTION_MAX - mark.length);
  return base + mark;
}

function ownSignInNeedsConfirmation(): ServiceError {
  return new ServiceError(
    'confirmation_required',
    'This is this device’s own sign-in token: revoking it signs this profile out. Confirm to go on.',
  );
}
