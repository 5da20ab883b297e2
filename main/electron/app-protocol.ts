/** The app:// protocol: the built renderer from disk, with the CSP header, nothing outside it. */
import type { Protocol } from 'electron';
import { readRendererFile, resolveInside } from '../renderer-files';
import { CSP } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mwtokens';

/** The file a request may read, or undefined for anything outside the renderer's folder. */
export function resolveAppRequest(url: string, root: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  return resolveInside(root, parsed.pathname);
}

export async function answerAppRequest(url: string, root: string): Promise<Response> {
  if (!resolveAppRequest(url, root)) return new Response('forbidden', { status: 403 });
  const file = await readRendererFile(root, new URL(url).pathname);
  if (file.status !== 200)
    return new Response(file.status === 404 ? 'not found' : 'forbidden', { status: file.status });
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, root));
}
