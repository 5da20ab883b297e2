/** The sandbox's accounts and application tokens, in memory. */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { DEMO_TOTP_SECRET } from './totp';

export interface SandboxAccount {
  username: string;
  password: string;
  /** Base32 TOTP secret: sign-in with the password then needs a second factor. */
  totpSecret?: string;
  /** A new device needs a PIN that is "mailed" to the account holder (see `mailbox`). */
  deviceCookie?: boolean;
  createdAt: number;
}

/** The sandbox's stand-in for e-mail: what a real account holder would receive. */
export interface SandboxMail {
  to: string;
  at: number;
  subject: string;
  body: string;
}

const PIN_LIFETIME_MS = 10 * 60 * 1000;

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
  { username: 'device-demo', password: 'demo', deviceCookie: true, createdAt: 1_600_000_000 },
];

export type SignInResult =
  | { via: 'password'; account: SandboxAccount }
  | { via: 'access_token'; account: SandboxAccount; tokenUuid: string };

export class SandboxWorld {
  readonly accounts = new Map<string, SandboxAccount>();
  readonly tokens = new Map<string, SandboxAppToken>();
  /** Every secret handed out (access-token secrets and API tokens), for leak checks. */
  readonly issuedSecrets = new Set<string>();
  /** Devices confirmed with a PIN, per account. */
  readonly confirmedDevices = new Map<string, Set<string>>();
  readonly mailbox: SandboxMail[] = [];
  private readonly pins = new Map<string, { username: string; pin: string; until: number }>();
  /** Called for every mail sent (the CLI prints it). */
  onMail: (mail: SandboxMail) => void = () => undefined;

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

  isConfirmedDevice(username: string, deviceId: string | undefined): boolean {
    return deviceId !== undefined && (this.confirmedDevices.get(username)?.has(deviceId) ?? false);
  }

  /** Starts a device confirmation: a PIN "mailed" to the account holder, valid ten minutes. */
  sendDevicePin(username: string, deviceId: string): void {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock();
    this.pins.set(deviceId, { username, pin, until: now + PIN_LIFETIME_MS });
    const mail: SandboxMail = {
      to: username,
      at: now,
      subject: 'Confirm a new device',
      body: `Someone is signing in to ${username} from a new device. Your PIN: ${pin}`,
    };
    this.mailbox.push(mail);
    this.onMail(mail);
  }

  /** Confirms the device when the PIN matches one sent for it and is still valid. */
  confirmDevice(username: string, deviceId: string | undefined, pin: string): boolean {
    const sent = deviceId === undefined ? undefined : this.pins.get(deviceId);
    if (!sent || sent.username !== username || sent.pin !== pin.trim()) return false;
    if (this.clock() > sent.until || deviceId === undefined) return false;
    this.pins.delete(deviceId);
    const devices = this.confirmedDevices.get(username) ?? new Set<string>();
    devices.add(deviceId);
    this.confirmedDevices.set(username, devices);
    return true;
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
