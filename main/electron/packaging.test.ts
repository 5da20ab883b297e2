import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the app offline with a stand-in Electron (a file carrying the fuse sentinel), then
// reads what a user would install: the asar's file list and size, and the flipped fuses.
const root = join(import.meta.dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
let work: string;
let files: string[];
let asarBytes: number;
let fuseWire: string;

beforeAll(() => {
  if (
    !existsSync(join(root, 'dist', 'main', 'main.js')) ||
    !existsSync(join(root, 'dist', 'renderer', 'index.html'))
  ) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  work = mkdtempSync(join(tmpdir(), 'mwtokens-pack-'));
  const stub = join(work, 'electron-dist');
  mkdirSync(stub);
  // Fuse wire v1 with 8 fuses, all "0", as a real binary has it before flipping.
  writeFileSync(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('stub electron\0'),
      Buffer.from(SENTINEL),
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
  files = listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  asarBytes = statSync(asar).size;
  const binary = readFileSync(join(out, 'linux-unpacked', 'mwtokens'));
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  fuseWire = binary.subarray(at + 2, at + 2 + FUSES.length).toString('latin1');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaging', () => {
  it('puts the built output and electron-store in app.asar, and nothing else', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/main/main.js',
        '/dist/main/preload.cjs',
        '/dist/renderer/index.html',
        '/node_modules/electron-store/package.json',
      ]),
    );
    const ours = files.filter(
      (file) => file !== '/node_modules' && !file.startsWith('/node_modules/'),
    );
    expect(ours.every((file) => file === '/package.json' || file.startsWith('/dist'))).toBe(true);
    expect(files.some((file) => file.endsWith('.map'))).toBe(false);
    // Bundled by Vite, so never shipped as packages.
    for (const bundled of [
      'react',
      'react-dom',
      'react-aria-components',
      'zod',
      'hono',
      'electron',
      'playwright-core',
      'typescript',
    ]) {
      expect(files.some((file) => file.startsWith(`/node_modules/${bundled}/`))).toBe(false);
    }
  });

  it('keeps app.asar small', () => {
    console.log(`app.asar: ${(asarBytes / 1024).toFixed(0)} KiB, ${files.length} entries`);
    expect(asarBytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('sets the Electron fuses', () => {
    const state = Object.fromEntries(FUSES.map((name, index) => [name, fuseWire[index]]));
    expect(state).toMatchObject({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      grantFileProtocolExtraPrivileges: '0',
    });
  });
});
