/**
 * The service's token list (one object per token) to the form that crosses to the renderer
 * (TokenListColumns: one array per field), and back for callers in the core and tests.
 */
import { API_TOKEN_ROLES } from '../contract-names';
import type { ApiTokenRole, TokenListColumns, TokenListView, TokenRow } from '../contract';

export function toColumns(view: TokenListView): TokenListColumns {
  const { tokens } = view;
  const n = tokens.length;
  const uuid = new Array<string>(n);
  const description = new Array<string>(n);
  const createdAt = new Array<number>(n);
  const held: number[] = [];
  const retire: TokenListColumns['retire'] = [];
  let thisDevice: number | undefined;
  // v2 lists carry roles on every token; v1 lists on none.
  const v2 = tokens.some((t) => t.roles !== undefined || t.expiresAt !== undefined);
  const roles = v2 ? new Array<number>(n) : undefined;
  const expiresAt = v2 ? new Array<number | null>(n) : undefined;
  const expiringSoon: number[] = [];
  tokens.forEach((token, i) => {
    uuid[i] = token.uuid;
    description[i] = token.description;
    createdAt[i] = token.createdAt;
    if (token.held) held.push(i);
    if (token.isThisDevice) thisDevice = i;
    if (token.retire) retire.push([i, token.retire.replacedBy, token.retire.since]);
    if (roles && expiresAt) {
      roles[i] = roleBits(token.roles ?? []);
      expiresAt[i] = token.expiresAt ?? null;
      if (token.expiringSoon) expiringSoon.push(i);
    }
  });
  return {
    profileId: view.profileId,
    cacheHit: view.cacheHit,
    fetchedAt: view.fetchedAt,
    uuid,
    description,
    createdAt,
    held,
    ...(thisDevice !== undefined && { thisDevice }),
    retire,
    ...(roles && expiresAt && { roles, expiresAt, expiringSoon }),
  };
}

/** Every token as an object again (the renderer builds only the rows it shows). */
export function fromColumns(list: TokenListColumns): TokenListView {
  const held = new Set(list.held);
  const soon = new Set(list.expiringSoon);
  const retire = new Map(list.retire.map(([i, replacedBy, since]) => [i, { replacedBy, since }]));
  const tokens = list.uuid.map((uuid, i): TokenRow => {
    const retiring = retire.get(i);
    const bits = list.roles?.[i];
    const expiresAt = list.expiresAt?.[i];
    return {
      uuid,
      description: list.description[i] ?? '',
      createdAt: list.createdAt[i] ?? 0,
      held: held.has(i),
      isThisDevice: list.thisDevice === i,
      ...(retiring && { retire: retiring }),
      ...(bits !== undefined && { roles: rolesOf(bits) }),
      ...(expiresAt != null && { expiresAt }),
      ...(expiresAt != null && { expiringSoon: soon.has(i) }),
    };
  });
  return { profileId: list.profileId, tokens, cacheHit: list.cacheHit, fetchedAt: list.fetchedAt };
}

function roleBits(roles: readonly ApiTokenRole[]): number {
  return API_TOKEN_ROLES.reduce(
    (bits, role, i) => (roles.includes(role) ? bits | (1 << i) : bits),
    0,
  );
}

function rolesOf(bits: number): ApiTokenRole[] {
  return API_TOKEN_ROLES.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** The tokens of the latest of these list events, as objects (none before the first). */
export function shownTokens(events: readonly TokenListColumns[]): TokenRow[] {
  const last = events.at(-1);
  return last ? fromColumns(last).tokens : [];
}
