/** The renderer's initial JS and CSS, gzipped, and the packed app.asar. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packOffline } from '../scripts/pack-offline';

export interface BundleResult {
  jsGzipKb: number;
  cssGzipKb: number;
  asarKb: number;
}

export function measureBundle(root: string): BundleResult {
  const dist = join(root, 'dist', 'renderer');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What index.html loads up front: its script and stylesheet(s).
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  const gz = (ext: string) =>
    assets
      .filter((a) => a.endsWith(ext))
      .reduce((sum, a) => sum + gzipSync(readFileSync(join(dist, a))).length, 0) / 1024;
  const work = mkdtempSync(join(tmpdir(), 'mwtokens-bench-pack-'));
  try {
    return {
      jsGzipKb: gz('.js'),
      cssGzipKb: gz('.css'),
      asarKb: packOffline(root, work).asarBytes / 1024,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
