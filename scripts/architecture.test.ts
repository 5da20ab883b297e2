import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each rule of the architecture is shown to bite: a small tree with one deliberate violation,
// checked with the project's own configs.
const root = join(import.meta.dirname, '..');
const fixtures: string[] = [];

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-arch-'));
  fixtures.push(dir);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  for (const config of [
    '.dependency-cruiser.cjs',
    'tsconfig.base.json',
    'tsconfig.node.json',
    'tsconfig.renderer.json',
  ]) {
    cpSync(join(root, config), join(dir, config));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(dir: string, bin: string, args: string[]) {
  const result = spawnSync(join(root, 'node_modules', '.bin', bin), args, {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const cruise = (dir: string) =>
  run(dir, 'depcruise', ['app', 'main', 'renderer', '--config', '.dependency-cruiser.cjs']);

afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

describe('dependency rules', () => {
  const clean = {
    'app/contract.ts':
      'export const channels = [] as const;\nexport type Channels = typeof channels;\n',
    'app/vault/vault.ts': 'export const vault = 1;\n',
    'main/preview/host.ts':
      "import { vault } from '../../app/vault/vault';\nexport const v = vault;\n",
    'app/contract-names.ts': 'export const LIMIT = 1;\n',
    'renderer/view.ts':
      "import type { Channels } from '../app/contract';\nimport { LIMIT } from '../app/contract-names';\nexport type C = Channels;\nexport const l = LIMIT;\n",
  };

  it('accepts a tree that follows the arrows', () => {
    const result = cruise(fixture(clean));
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'app/ importing electron',
      { 'app/leak.ts': "import 'electron';\n" },
      'no-electron-outside-main-electron',
    ],
    [
      'renderer/ importing electron',
      { 'renderer/leak.ts': "import 'electron';\n" },
      'no-electron-outside-main-electron',
    ],
    ['app/ importing React', { 'app/view.ts': "import 'react';\n" }, 'app-is-plain-typescript'],
    [
      'app/ importing main/',
      { 'app/up.ts': "import '../main/preview/host';\n" },
      'app-is-plain-typescript',
    ],
    [
      'renderer/ importing the vault',
      { 'renderer/peek.ts': "import '../app/vault/vault';\n" },
      'renderer-sees-only-the-contract',
    ],
    [
      'renderer/ importing a value from contract.ts (zod would be bundled)',
      {
        'renderer/value.ts':
          "import { channels } from '../app/contract';\nexport const c = channels;\n",
      },
      'renderer-takes-only-types-from-contract-ts',
    ],
    ['a cycle', { 'app/a.ts': "import './b';\n", 'app/b.ts': "import './a';\n" }, 'no-circular'],
  ])('rejects %s', (_name, extra, rule) => {
    const result = cruise(fixture({ ...clean, ...extra }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(rule);
  });
});

describe('one tsconfig per side', () => {
  it('a DOM type in app/ fails the node-side typecheck', () => {
    const dir = fixture({ 'app/dom.ts': 'export const title = document.title;\n' });
    const result = run(dir, 'tsc', ['-p', 'tsconfig.node.json']);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Cannot find name 'document'");
  });

  it('a Node type in renderer/ fails the renderer typecheck', () => {
    const dir = fixture({ 'renderer/node.ts': 'export const cwd = process.cwd();\n' });
    const result = run(dir, 'tsc', ['-p', 'tsconfig.renderer.json']);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Cannot find name 'process'");
  });
});
