/**
 * What `npm run mutate` mutates (the globs of stryker.config.mjs) and whether a Stryker report
 * still speaks for a file: only if the source it recorded is the file on disk today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import ts from 'typescript';
import { z } from 'zod';

export const root = join(import.meta.dirname, '..');

/** Every file Stryker mutates, relative to the project root, sorted. */
export async function mutatedFiles(): Promise<string[]> {
  // Read through a URL so that the config stays plain JavaScript for Stryker.
  const url = new URL('../stryker.config.mjs', import.meta.url).href;
  const imported: unknown = await import(url);
  const { mutate } = z
    .object({ default: z.object({ mutate: z.array(z.string()) }) })
    .parse(imported).default;
  return globSync(mutate, { cwd: root }).sort();
}

export function currentSource(file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

/**
 * Whether a module is types only (interfaces, type aliases, `import type`): compiled, nothing
 * is left, so Stryker finds nothing to mutate and leaves the file out of its report. Such a
 * file is measured by any run: there is nothing in it a test could fail to notice.
 */
export function isTypesOnly(source: string): boolean {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      removeComments: true,
    },
  });
  return outputText.replace(/export\s*\{\s*\};?/g, '').trim() === '';
}
