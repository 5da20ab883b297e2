import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { FUSE_DEFAULTS, FUSES, packOffline, type PackResult } from '../../scripts/pack-offline';
import { APP_ID } from './app-identity';

// electron-builder's own YAML reader (untyped: its answer goes through a schema below).
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

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

  it('sets every fuse of the schema, starting from Electron’s real defaults', () => {
    // The stand-in binary ships Electron's defaults, so a fuse the config forgets stays as
    // Electron has it, and the assertion for it fails.
    expect(FUSE_DEFAULTS.some(([, state]) => state === '1')).toBe(true);
    expect(packed.fuseWireLength).toBe(FUSES.length);
    expect(packed.fuses).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      // Enforced by Electron on macOS (since 16) and Windows (since 30), against the header
      // hash electron-builder writes there; on Linux the fuse is set but nothing checks it.
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0',
      grantFileProtocolExtraPrivileges: '0',
    });
  });
});

const builderConfig = z
  .object({
    appId: z.string(),
    electronFuses: z.record(z.string(), z.boolean()),
    linux: z.object({
      target: z.array(z.string()),
      maintainer: z.string().regex(/^.+ <[^@\s]+@[^@\s]+>$/),
      category: z.string().min(1),
      synopsis: z.string().min(10).max(80),
      description: z.string().min(40),
      icon: z.string(),
    }),
    mac: z.object({ category: z.string().startsWith('public.app-category.'), icon: z.string() }),
    win: z.object({ target: z.string(), icon: z.string() }),
  })
  .parse(yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
const packageJson = z
  .object({
    name: z.string(),
    description: z.string().min(10),
    license: z.string(),
    homepage: z.url(),
    author: z.object({ name: z.string().min(1), email: z.email() }),
  })
  .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));

// deb, rpm and AppImage cannot be built offline (fpm and appimagetool are downloaded), so what
// each target refuses to build without is checked here, as electron-builder 26 asks for it.
describe('package metadata per target', () => {
  it('deb and rpm: homepage, author with e-mail, maintainer, synopsis, description, licence', () => {
    expect(builderConfig.linux.target).toEqual(expect.arrayContaining(['deb', 'rpm', 'AppImage']));
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(packageJson.author.email).toContain('@');
    expect(builderConfig.linux.maintainer).toContain(`<${packageJson.author.email}>`);
    expect(packageJson.license).toBe('MIT');
  });

  it('macOS: arm64 builds re-signed ad hoc after the fuses are flipped', () => {
    expect(builderConfig.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('every fuse is set in the config, none left to Electron’s default', () => {
    const set = Object.keys(builderConfig.electronFuses).filter(
      (key) => key !== 'resetAdHocDarwinSignature',
    );
    expect(set.sort()).toEqual([...FUSES].sort());
  });

  it('Windows: the installer’s appId is the AppUserModelID main declares', () => {
    expect(builderConfig.appId).toBe(APP_ID);
  });
});
