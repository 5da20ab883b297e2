/** The built renderer's files, read for a request path: both hosts serve the page through this. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type RendererFile =
  { status: 200; body: Buffer; contentType: string } | { status: 403 | 404 };

/** The file a path names inside root, or undefined for anything outside it (or malformed). */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  const file = join(root, normalize(decoded));
  return file.startsWith(root + sep) ? file : undefined;
}

export async function readRendererFile(root: string, pathname: string): Promise<RendererFile> {
  const file = resolveInside(root, pathname);
  if (!file) return { status: 403 };
  try {
    return {
      status: 200,
      body: await readFile(file),
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return { status: 404 };
  }
}
