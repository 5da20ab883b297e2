/**
 * Packs the app offline with a stand-in Electron: a file that carries the fuse sentinel, so
 * electron-builder runs whole (fuses included) without the real binary. Used by the packaging
 * test and the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1, in order. */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

export interface PackResult {
  files: string[];
  asarBytes: number;
  /** Fuse name → '0' or '1' as written into the packed binary. */
  fuses: Record<(typeof FUSES)[number], string>;
}

export function packOffline(root: string, work: string): PackResult {
  if (
    !existsSync(join(root, 'dist', 'main', 'main.js')) ||
    !existsSync(join(root, 'dist', 'renderer', 'index.html'))
  ) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  const stub = join(work, 'electron-dist');
  mkdirSync(stub, { recursive: true });
  // All fuses "0", as in a real binary before flipping.
  writeFileSync(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('stub electron\0'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, FUSES.length]),
      Buffer.from('0'.repeat(FUSES.length)),
    ]),
  );
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'version'), '45.5.0');
  const out = join(work, 'out');
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', `-c.electronDist=${stub}`, `-c.directories.output=${out}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  if (result.status !== 0)
    throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  const asar = join(out, 'linux-unpacked', 'resources', 'app.asar');
  const binary = readFileSync(join(out, 'linux-unpacked', 'mwtokens'));
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
  const fuses = Object.fromEntries(
    FUSES.map((name, index) => [name, String.fromCharCode(binary[at + index] ?? 0)]),
  ) as PackResult['fuses'];
  return {
    files: listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/')),
    asarBytes: statSync(asar).size,
    fuses,
  };
}
