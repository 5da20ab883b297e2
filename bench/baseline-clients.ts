/**
 * Two stand-ins for "a script with a stored access token", written on bare fetch, to compare
 * request counts against: the naive one authenticates before every call; the fair one keeps
 * its API token until it expires (in memory only, so not across restarts), with no shared
 * renewal for concurrent calls and no rate-limit tracker.
 */

interface Answer {
  status: number;
  cacheHit: boolean;
  body: unknown;
}

async function send(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    cacheHit: response.headers.get('x-cache')?.toUpperCase() === 'HIT',
    body: text.trim() === '' ? null : (JSON.parse(text) as unknown),
  };
}

export abstract class BaselineClient {
  constructor(
    protected readonly baseUrl: string,
    private readonly uuid: string,
    private readonly secret: string,
  ) {}

  protected async authenticate(): Promise<{ token: string; expiresAt: number }> {
    const answer = await send(this.baseUrl, 'POST', '/authenticate', undefined, {
      username: this.uuid,
      password: this.secret,
    });
    if (answer.status !== 200) throw new Error(`authenticate: ${answer.status}`);
    const body = answer.body as { token: string; expires?: string | number };
    const expiresAt =
      typeof body.expires === 'number'
        ? body.expires < 1e11
          ? body.expires * 1000
          : body.expires
        : body.expires
          ? Date.parse(body.expires)
          : 0;
    return { token: body.token, expiresAt };
  }

  abstract token(): Promise<string>;

  async list(): Promise<Answer> {
    return send(this.baseUrl, 'GET', '/authentication/tokens', await this.token());
  }
  async create(description: string): Promise<string> {
    const answer = await send(this.baseUrl, 'POST', '/authentication/tokens', await this.token(), {
      description,
    });
    return (answer.body as { uuid: string }).uuid;
  }
  async revoke(uuid: string): Promise<Answer> {
    return send(
      this.baseUrl,
      'DELETE',
      `/authentication/tokens/${encodeURIComponent(uuid)}`,
      await this.token(),
    );
  }
}

export class NaiveClient extends BaselineClient {
  async token(): Promise<string> {
    return (await this.authenticate()).token;
  }
}

export class FairClient extends BaselineClient {
  private cached: { token: string; expiresAt: number } | undefined;
  constructor(
    baseUrl: string,
    uuid: string,
    secret: string,
    private readonly clock: () => number,
  ) {
    super(baseUrl, uuid, secret);
  }
  async token(): Promise<string> {
    if (this.cached && this.clock() < this.cached.expiresAt) return this.cached.token;
    // Concurrent callers each authenticate: nothing shares a renewal in flight.
    this.cached = await this.authenticate();
    return this.cached.token;
  }
}
