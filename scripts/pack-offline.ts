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
/**
 * Fuse wire v1, in order, with the state each has in a binary as Electron ships it
 * (electron/electron build/fuses/fuses.json5): several are on until a packager flips them.
 */
export const FUSE_DEFAULTS = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
] as const;
export const FUSES = FUSE_DEFAULTS.map(([name]) => name);
export type FuseName = (typeof FUSE_DEFAULTS)[number][0];

export interface PackResult {
  files: string[];
  asarBytes: number;
  /** Fuse name → '0', '1' or 'r' as written into the packed binary. */
  fuses: Record<FuseName, string>;
  /** The wire's length as the packed binary declares it. */
  fuseWireLength: number;
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
  // The wire as Electron ships it, so a fuse the config forgets keeps its real default.
  writeFileSync(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('stub electron\0'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, FUSE_DEFAULTS.length]),
      Buffer.from(FUSE_DEFAULTS.map(([, state]) => state).join('')),
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
  const lengthAt = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 1;
  const at = lengthAt + 1;
  const fuses = Object.fromEntries(
    FUSES.map((name, index) => [name, String.fromCharCode(binary[at + index] ?? 0)]),
  ) as PackResult['fuses'];
  return {
    files: listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/')),
    asarBytes: statSync(asar).size,
    fuses,
    fuseWireLength: binary[lengthAt] ?? 0,
  };
}
