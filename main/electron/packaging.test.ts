import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packOffline, type PackResult } from '../../scripts/pack-offline';

// Packs the app offline with a stand-in Electron, then reads what a user would install: the
// asar's file list and size, and the fuses written into the binary.
const root = join(import.meta.dirname, '..', '..');
let work: string;
let packed: PackResult;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mwtokens-pack-'));
  packed = packOffline(root, work);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaging', () => {
  it('puts the built output and electron-store in app.asar, and nothing else', () => {
    const { files } = packed;
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
    expect(packed.asarBytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('sets the Electron fuses', () => {
    expect(packed.fuses).toMatchObject({
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
