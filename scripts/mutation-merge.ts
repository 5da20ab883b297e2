/**
 * Merges Stryker JSON reports of separate runs (one area each: a full run takes hours on two
 * cores) into mutation-output/mutation.json, for scripts/mutation-score.ts. For each mutated
 * file it takes the newest report whose recorded source is the file as it is now; a file no
 * report speaks for is left out, and the score then counts it as not measured.
 *
 *   npx tsx scripts/mutation-merge.ts <report.json> [<report.json> …]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { z } from 'zod';
import { currentSource, isTypesOnly, mutatedFiles, root } from './mutation-scope';

const fileSchema = z.looseObject({ source: z.string(), mutants: z.array(z.unknown()) });
const reportSchema = z.looseObject({
  files: z.record(z.string(), fileSchema),
  config: z.looseObject({ mutate: z.array(z.string()) }),
});

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: tsx scripts/mutation-merge.ts <report.json> [<report.json> …]');
  process.exit(2);
}
const reports = paths
  .map((path) => ({
    path,
    at: statSync(path).mtimeMs,
    report: reportSchema.parse(JSON.parse(readFileSync(path, 'utf8'))),
  }))
  .map((r) => ({
    ...r,
    // An incremental run also lists files it did not mutate, with their old results beside
    // today's source: only the files its own `mutate` globs name were measured by it.
    mutated: new Set(globSync(r.report.config.mutate, { cwd: root })),
  }))
  .sort((a, b) => b.at - a.at);

const files: Record<string, z.infer<typeof fileSchema>> = {};
const unmeasured: string[] = [];
for (const file of await mutatedFiles()) {
  const source = currentSource(file);
  const found = reports.find((r) => r.mutated.has(file) && r.report.files[file]?.source === source);
  const entry = found?.report.files[file];
  const typesOnly = !entry && isTypesOnly(source);
  if (entry) files[file] = entry;
  else if (!typesOnly) unmeasured.push(file);
  console.log(
    `${file}: ${found ? found.path : typesOnly ? 'types only, nothing to mutate' : 'no report of its current source'}`,
  );
}
const newest = reports[0]?.report ?? { files: {}, config: { mutate: [] } };
writeFileSync(join(root, 'mutation-output', 'mutation.json'), JSON.stringify({ ...newest, files }));
console.log(
  `merged ${Object.keys(files).length} files from ${reports.length} reports; ${unmeasured.length} not measured`,
);
