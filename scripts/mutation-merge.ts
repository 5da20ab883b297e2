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
import { z } from 'zod';
import { currentSource, mutatedFiles, root } from './mutation-scope';

const fileSchema = z.looseObject({ source: z.string(), mutants: z.array(z.unknown()) });
const reportSchema = z.looseObject({ files: z.record(z.string(), fileSchema) });

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
  .sort((a, b) => b.at - a.at);

const files: Record<string, z.infer<typeof fileSchema>> = {};
const unmeasured: string[] = [];
for (const file of await mutatedFiles()) {
  const source = currentSource(file);
  const found = reports.find((r) => r.report.files[file]?.source === source);
  const entry = found?.report.files[file];
  if (entry) files[file] = entry;
  else unmeasured.push(file);
  console.log(`${file}: ${found ? found.path : 'no report of its current source'}`);
}
const newest = reports[0]?.report ?? { files: {} };
writeFileSync(join(root, 'mutation-output', 'mutation.json'), JSON.stringify({ ...newest, files }));
console.log(
  `merged ${Object.keys(files).length} files from ${reports.length} reports; ${unmeasured.length} not measured`,
);
