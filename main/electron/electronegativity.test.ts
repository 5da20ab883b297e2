import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The security gate: Electronegativity over main/ and renderer/ together. Warnings and errors
// fail; each "note" (review required) must be in the reviewed allow-list with its reason.
const root = join(import.meta.dirname, '..', '..');
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

const sarifSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          level: z.enum(['none', 'note', 'warning', 'error']),
          locations: z.array(
            z.object({
              physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }) }),
            }),
          ),
        }),
      ),
    }),
  ),
});
const reviewedSchema = z.array(
  z.object({ rule: z.string(), file: z.string(), reason: z.string().min(20) }),
);

describe('electronegativity', () => {
  it('finds no warning or error, and every note has been reviewed', () => {
    const input = mkdtempSync(join(tmpdir(), 'mwtokens-eneg-'));
    try {
      cpSync(join(root, 'main'), join(input, 'main'), { recursive: true });
      cpSync(join(root, 'renderer'), join(input, 'renderer'), { recursive: true });
      const sarifPath = join(input, 'report.sarif');
      const run = spawnSync(
        'npx',
        [
          '-y',
          '@doyensec/electronegativity@1.10.3',
          '-i',
          input,
          '-e',
          ELECTRON_VERSION,
          '-o',
          sarifPath,
        ],
        { encoding: 'utf8', timeout: 240_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const results = sarifSchema
        .parse(JSON.parse(readFileSync(sarifPath, 'utf8')))
        .runs.flatMap((r) => r.results);
      const findings = results.map((r) => ({
        rule: r.ruleId,
        level: r.level,
        file: relative(input, r.locations[0]?.physicalLocation.artifactLocation.uri ?? ''),
      }));
      expect(findings.filter((f) => f.level === 'warning' || f.level === 'error')).toEqual([]);
      const reviewed = reviewedSchema.parse(
        JSON.parse(readFileSync(join(root, 'security', 'electronegativity-reviewed.json'), 'utf8')),
      );
      const unreviewed = findings.filter(
        (f) => !reviewed.some((r) => r.rule === f.rule && r.file === f.file),
      );
      expect(unreviewed).toEqual([]);
      // An entry that no longer matches anything is stale: keep the list honest.
      expect(
        reviewed.filter((r) => !findings.some((f) => f.rule === r.rule && f.file === r.file)),
      ).toEqual([]);
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
  }, 300_000);
});
