/**
 * Reads Stryker's JSON report and holds it to the targets: ≥ 90 % on the files that keep the
 * security promises, ≥ 80 % over everything mutated. A survivor that cannot matter (an
 * equivalent mutant) is listed with its reason in security/mutants-reviewed.json and counts as
 * neither killed nor survived; a listed entry that no longer matches a survivor fails, so the
 * list never goes stale. Prints the table, writes mutation-output/score.json, exits 1 on a miss.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { currentSource, isTypesOnly, mutatedFiles } from './mutation-scope';

const root = join(import.meta.dirname, '..');
const mutantSchema = z.object({
  mutatorName: z.string(),
  replacement: z.string().optional(),
  status: z.string(),
  location: z.object({ start: z.object({ line: z.number() }) }),
});
const reportSchema = z.object({
  files: z.record(
    z.string(),
    z.object({ source: z.string().optional(), mutants: z.array(mutantSchema) }),
  ),
});
const reviewedSchema = z.array(
  z.object({
    file: z.string(),
    line: z.number(),
    mutator: z.string(),
    replacement: z.string(),
    reason: z.string().min(10),
  }),
);

/** Files (or folders, ending in /) whose score must reach 90 %. */
export const STRICT = [
  'app/vault/',
  'app/service/clipboard-guard.ts',
  'app/service/dispatch.ts',
  'app/api/http-client.ts',
  'app/ratelimit/',
  'app/session/',
  'main/electron/ipc.ts',
];
const STRICT_TARGET = 90;
const OVERALL_TARGET = 80;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

type Mutant = z.infer<typeof mutantSchema> & { file: string };
interface Tally {
  detected: number;
  undetected: number;
  reviewed: number;
}

const score = (t: Tally) =>
  t.detected + t.undetected === 0 ? 100 : (100 * t.detected) / (t.detected + t.undetected);

async function main(): Promise<void> {
  const report = reportSchema.parse(
    JSON.parse(readFileSync(join(root, 'mutation-output', 'mutation.json'), 'utf8')),
  );
  const reviewed = reviewedSchema.parse(
    JSON.parse(readFileSync(join(root, 'security', 'mutants-reviewed.json'), 'utf8')),
  );
  // A report speaks only for the source it mutated: a file changed since, or never mutated,
  // is not measured, and its scope (and the whole) cannot be called met.
  const notMeasured = (await mutatedFiles()).filter((file) => {
    const source = currentSource(file);
    const entry = report.files[file];
    return entry === undefined ? !isTypesOnly(source) : entry.source !== source;
  });
  const mutants: Mutant[] = Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants.map((mutant) => ({ ...mutant, file })),
  );
  const matches = (m: Mutant, r: (typeof reviewed)[number]) =>
    m.file === r.file &&
    m.location.start.line === r.line &&
    m.mutatorName === r.mutator &&
    (m.replacement ?? '') === r.replacement;
  // An entry for a file not measured cannot be judged: it is neither used nor stale.
  const stale = reviewed.filter(
    (r) =>
      !notMeasured.includes(r.file) &&
      !mutants.some((m) => UNDETECTED.has(m.status) && matches(m, r)),
  );

  const groups = new Map<string, Tally>();
  const tally = (key: string) => {
    const found = groups.get(key) ?? { detected: 0, undetected: 0, reviewed: 0 };
    groups.set(key, found);
    return found;
  };
  const strictGroupOf = (file: string) =>
    STRICT.find((g) => (g.endsWith('/') ? file.startsWith(g) : file === g));
  const survivors: Mutant[] = [];
  for (const mutant of mutants) {
    const group = strictGroupOf(mutant.file);
    // A strict scope that is one file shares its tally with that file: counted once.
    const targets = [
      ...new Set([tally('all'), tally(mutant.file), ...(group ? [tally(group)] : [])]),
    ];
    const isReviewed = reviewed.some((r) => matches(mutant, r));
    for (const t of targets) {
      if (DETECTED.has(mutant.status)) t.detected += 1;
      else if (UNDETECTED.has(mutant.status) && isReviewed) t.reviewed += 1;
      else if (UNDETECTED.has(mutant.status)) t.undetected += 1;
    }
    if (group && UNDETECTED.has(mutant.status) && !isReviewed) survivors.push(mutant);
  }

  const rows = [
    ...STRICT.map((g) => ({ name: g, target: STRICT_TARGET, t: tally(g) })),
    { name: 'everything mutated', target: OVERALL_TARGET, t: tally('all') },
  ]
    .map(({ name, target, t }) => ({
      unmeasured: notMeasured.filter(
        (file) => name === 'everything mutated' || strictGroupOf(file) === name,
      ),
      name,
      target,
      score: Math.round(score(t) * 10) / 10,
      detected: t.detected,
      undetected: t.undetected,
      reviewed: t.reviewed,
      // A scope without a single mutant was not measured (a wrong glob, say): that is a miss.
      met: t.detected + t.undetected + t.reviewed > 0 && score(t) >= target,
    }))
    .map((row) => ({ ...row, met: row.met && row.unmeasured.length === 0 }));
  console.log('| scope | score | target | killed | survived | reviewed equivalent |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.name}${r.unmeasured.length > 0 ? ` (${r.unmeasured.length} files not measured)` : ''} | ${r.score.toFixed(1)} % ${r.met ? '✓' : '✗'} | ≥ ${r.target} % | ${r.detected} | ${r.undetected} | ${r.reviewed} |`,
    );
  for (const m of survivors)
    console.log(
      `survived: ${m.file}:${m.location.start.line} ${m.mutatorName} → ${m.replacement ?? ''}`,
    );
  for (const file of notMeasured)
    console.log(`not measured (changed since the run, or not in the report): ${file}`);
  for (const r of stale)
    console.log(
      `stale review entry (no such survivor): ${r.file}:${r.line} ${r.mutator} → ${r.replacement}`,
    );
  writeFileSync(
    join(root, 'mutation-output', 'score.json'),
    JSON.stringify({ rows, stale, survivors: survivors.length, notMeasured }, null, 2),
  );
  const failed = rows.some((r) => !r.met) || stale.length > 0;
  if (failed) {
    console.error('mutation targets missed (or stale review entries): see above');
    process.exit(1);
  }
}

await main();
