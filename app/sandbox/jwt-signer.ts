/** HS256 JWTs for the sandbox: signed with a key made at start, so no two sandboxes agree. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const sandboxClaimsSchema = z.object({
  sub: z.string(),
  iat: z.number(),
  exp: z.number(),
  jti: z.string(),
  /** The access token this API token was issued for, if any: deleting it ends the token. */
  tid: z.string().optional(),
});
export type SandboxClaims = z.infer<typeof sandboxClaimsSchema>;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class JwtSigner {
  private readonly key = randomBytes(32);

  sign(claims: SandboxClaims): string {
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${unsigned}.${this.signature(unsigned)}`;
  }

  /** The claims of a token this signer made and that has not expired; else undefined. */
  verify(token: string, nowMs: number): SandboxClaims | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || signature === undefined) return undefined;
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = sandboxClaimsSchema.parse(
        JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
      );
      return claims.exp * 1000 > nowMs ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private signature(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}
