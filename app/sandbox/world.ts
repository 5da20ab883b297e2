/** The sandbox's accounts and application tokens, in memory. */
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_TOTP_SECRET } from './totp';

export interface SandboxAccount {
  username: string;
  password: string;
  /** Base32 TOTP secret: sign-in with the password then needs a second factor. */
  totpSecret?: string;
  createdAt: number;
}

export interface SandboxAppToken {
  uuid: string;
  secret: string;
  owner: string;
  crdate: number;
  description: string;
}

export const DEMO_ACCOUNTS: readonly SandboxAccount[] = [
  { username: 'demo', password: 'demo', createdAt: 1_600_000_000 },
  {
    username: 'mfa-demo',
    password: 'demo',
    totpSecret: DEMO_TOTP_SECRET,
    createdAt: 1_600_000_000,
  },
];

export type SignInResult =
  | { via: 'password'; account: SandboxAccount }
  | { via: 'access_token'; account: SandboxAccount; tokenUuid: string };

export class SandboxWorld {
  readonly accounts = new Map<string, SandboxAccount>();
  readonly tokens = new Map<string, SandboxAppToken>();
  /** Every secret handed out (access-token secrets and API tokens), for leak checks. */
  readonly issuedSecrets = new Set<string>();

  constructor(
    private readonly clock: () => number,
    accounts: readonly SandboxAccount[] = DEMO_ACCOUNTS,
  ) {
    for (const account of accounts) this.accounts.set(account.username, { ...account });
  }

  signIn(username: string, password: string): SignInResult | undefined {
    const account = this.accounts.get(username);
    if (account && account.password === password) return { via: 'password', account };
    const token = this.tokens.get(username);
    const owner = token && this.accounts.get(token.owner);
    if (token && owner && token.secret === password) {
      return { via: 'access_token', account: owner, tokenUuid: token.uuid };
    }
    return undefined;
  }

  createToken(owner: string, description: string, crdate = this.clock()): SandboxAppToken {
    const token: SandboxAppToken = {
      uuid: randomUUID(),
      secret: `MW_${randomBytes(24).toString('base64url')}`,
      owner,
      crdate,
      description,
    };
    this.tokens.set(token.uuid, token);
    this.issuedSecrets.add(token.secret);
    return token;
  }

  listTokens(owner: string): SandboxAppToken[] {
    return [...this.tokens.values()].filter((token) => token.owner === owner);
  }

  deleteToken(owner: string, uuid: string): boolean {
    const token = this.tokens.get(uuid);
    if (token?.owner !== owner) return false;
    return this.tokens.delete(uuid);
  }
}
