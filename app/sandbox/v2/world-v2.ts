/**
 * The v2 sandbox's state, in memory: mStudio accounts (e-mail and password, optionally a TOTP
 * second factor with single-use recovery codes), sessions with refresh tokens, and API tokens
 * with roles and an optional expiry. Every secret it hands out is kept for leak checks.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_TOTP_SECRET } from '../totp';

export const API_TOKEN_ROLES = ['api_read', 'api_write'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export interface SandboxV2Account {
  email: string;
  password: string;
  userId: string;
  /** Base32 TOTP secret: password sign-in then answers 202 and wants `/v2/authenticate-mfa`. */
  totpSecret?: string;
  /** Codes accepted once each instead of a TOTP code. */
  recoveryCodes?: readonly string[];
}

export const DEMO_V2_ACCOUNTS: readonly SandboxV2Account[] = [
  {
    email: 'studio-demo@example.com',
    password: 'demo',
    userId: '5f0c1e2a-0000-4000-8000-000000000001',
  },
  {
    email: 'studio-mfa@example.com',
    password: 'demo',
    userId: '5f0c1e2a-0000-4000-8000-000000000002',
    totpSecret: DEMO_TOTP_SECRET,
    recoveryCodes: ['recovery-0001', 'recovery-0002'],
  },
];

export interface SandboxV2Session {
  sessionId: string;
  email: string;
  token: string;
  refreshToken: string;
  createdAt: number;
  expiresAt: number;
  refreshExpiresAt: number;
  lastAccess: number;
}

export interface SandboxV2ApiToken {
  apiTokenId: string;
  secret: string;
  owner: string;
  description: string;
  roles: ApiTokenRole[];
  createdAt: number;
  expiresAt?: number;
}

/** Who a request's bearer is, once it has been found valid. */
export type SandboxV2Principal =
  | { kind: 'session'; email: string; session: SandboxV2Session }
  | { kind: 'api_token'; email: string; apiToken: SandboxV2ApiToken };

export interface SandboxV2Lifetimes {
  sessionMs: number;
  refreshMs: number;
  /** How long a first factor waits for its second (then 408). */
  firstFactorMs: number;
}

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

export class SandboxV2World {
  readonly accounts = new Map<string, SandboxV2Account>();
  readonly sessions = new Map<string, SandboxV2Session>();
  readonly apiTokens = new Map<string, SandboxV2ApiToken>();
  /** Every secret handed out (session, refresh and API tokens), for leak checks. */
  readonly issuedSecrets = new Set<string>();
  /** Accounts whose password was accepted and who now owe a second factor, with when. */
  private readonly firstFactors = new Map<string, number>();
  private readonly usedRecoveryCodes = new Set<string>();

  constructor(
    private readonly clock: () => number,
    readonly lifetimes: SandboxV2Lifetimes,
    accounts: readonly SandboxV2Account[] = DEMO_V2_ACCOUNTS,
  ) {
    for (const account of accounts) this.accounts.set(account.email, { ...account });
  }

  checkPassword(email: string, password: string): SandboxV2Account | undefined {
    const account = this.accounts.get(email);
    return account && account.password === password ? account : undefined;
  }

  /** Remembers that the password was accepted; the second factor must follow in time. */
  startSecondFactor(email: string): void {
    this.firstFactors.set(email, this.clock());
  }

  firstFactorExpired(email: string): boolean {
    const at = this.firstFactors.get(email);
    return at === undefined || this.clock() - at > this.lifetimes.firstFactorMs;
  }

  /** Consumes the first factor when the code is right (a recovery code counts once). */
  acceptSecondFactor(
    account: SandboxV2Account,
    code: string,
    verifyTotp: (secret: string, code: string) => boolean,
  ): boolean {
    const recovery = account.recoveryCodes?.includes(code) ?? false;
    const recoveryKey = `${account.email} ${code}`;
    const ok =
      (account.totpSecret !== undefined && verifyTotp(account.totpSecret, code)) ||
      (recovery && !this.usedRecoveryCodes.has(recoveryKey));
    if (!ok) return false;
    if (recovery) this.usedRecoveryCodes.add(recoveryKey);
    this.firstFactors.delete(account.email);
    return true;
  }

  openSession(email: string): SandboxV2Session {
    const now = this.clock();
    const session: SandboxV2Session = {
      sessionId: randomUUID(),
      email,
      token: `mws_${secret(24)}`,
      refreshToken: `mwr_${secret(24)}`,
      createdAt: now,
      expiresAt: now + this.lifetimes.sessionMs,
      refreshExpiresAt: now + this.lifetimes.refreshMs,
      lastAccess: now,
    };
    this.sessions.set(session.sessionId, session);
    this.issuedSecrets.add(session.token).add(session.refreshToken);
    return session;
  }

  /** A new token and refresh token for the session; the old ones stop working at once. */
  refresh(session: SandboxV2Session): SandboxV2Session {
    const now = this.clock();
    session.token = `mws_${secret(24)}`;
    session.refreshToken = `mwr_${secret(24)}`;
    session.expiresAt = now + this.lifetimes.sessionMs;
    session.refreshExpiresAt = now + this.lifetimes.refreshMs;
    session.lastAccess = now;
    this.issuedSecrets.add(session.token).add(session.refreshToken);
    return session;
  }

  endSession(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** The session a token belongs to, expired or not (refresh accepts an expired one). */
  sessionByToken(token: string): SandboxV2Session | undefined {
    return [...this.sessions.values()].find((session) => session.token === token);
  }

  /** The bearer's identity if it is a live session or an unexpired API token. */
  principal(bearer: string): SandboxV2Principal | undefined {
    const now = this.clock();
    const session = this.sessionByToken(bearer);
    if (session) {
      if (now >= session.expiresAt) return undefined;
      session.lastAccess = now;
      return { kind: 'session', email: session.email, session };
    }
    const apiToken = [...this.apiTokens.values()].find((token) => token.secret === bearer);
    if (!apiToken || !this.accounts.has(apiToken.owner)) return undefined;
    if (apiToken.expiresAt !== undefined && now >= apiToken.expiresAt) return undefined;
    return { kind: 'api_token', email: apiToken.owner, apiToken };
  }

  createApiToken(
    owner: string,
    input: { description: string; roles: ApiTokenRole[]; expiresAt?: number },
  ): SandboxV2ApiToken {
    const apiTokenId = randomUUID();
    const token: SandboxV2ApiToken = {
      apiTokenId,
      // The shape of the description's example: `<uuid>:<secret>:mittwald_a`.
      secret: `${apiTokenId}:${secret(24)}:mittwald_a`,
      owner,
      description: input.description,
      roles: [...input.roles],
      createdAt: this.clock(),
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
    };
    this.apiTokens.set(apiTokenId, token);
    this.issuedSecrets.add(token.secret);
    return token;
  }

  apiTokensOf(owner: string): SandboxV2ApiToken[] {
    return [...this.apiTokens.values()].filter((token) => token.owner === owner);
  }

  apiTokenOf(owner: string, apiTokenId: string): SandboxV2ApiToken | undefined {
    const token = this.apiTokens.get(apiTokenId);
    return token?.owner === owner ? token : undefined;
  }
}
