// `npm test`: the whole suite, in the order that fails cheapest first. Prints one closing line
// "tests: N passed, N failed, N skipped" summed over the unit and e2e runners.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root } from './ensure.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH = ensureChromium();

const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
for (const report of ['vitest.json', 'playwright.json']) rmSync(join(out, report), { force: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  ['lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']],
  ['format (prettier)', bin('prettier'), ['--check', '--log-level=warn', '.']],
  ['typecheck (node side)', bin('tsc'), ['-p', 'tsconfig.node.json']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.renderer.json']],
  [
    'dependency rules',
    bin('depcruise'),
    ['app', 'main', 'renderer', '--config', '.dependency-cruiser.cjs'],
  ],
  ['build', 'npm', ['run', '--silent', 'build']],
  [
    'unit and integration tests (vitest)',
    bin('vitest'),
    [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'vitest.json')}`,
    ],
  ],
  ['e2e tests (playwright)', bin('playwright'), ['test']],
  ['benchmark still runs (tiny sizes)', bin('tsx'), ['bench/run.ts', '--tiny']],
];

const only = process.argv.slice(2);
let failedStep;
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n── ${name}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(out, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const vitest = readJson('vitest.json');
const e2e = readJson('playwright.json');
const passed =
  (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
// Say why each skipped e2e test was skipped (its annotation), one line each.
const skippedReasons = [];
const visit = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const run of spec.tests ?? []) {
      const reason = run.annotations?.find((a) => a.type === 'skip')?.description;
      if (run.status === 'skipped')
        skippedReasons.push(`skipped: ${spec.title}${reason ? ` — ${reason}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) visit(child);
};
for (const suite of e2e?.suites ?? []) visit(suite);
console.log('');
for (const line of skippedReasons) console.log(line);
if (failedStep) console.log(`npm test stopped: ${failedStep} failed`);
// A failed step outside the runners (lint, typecheck, …) still counts as one failure.
console.log(
  `tests: ${passed} passed, ${failedStep && failed === 0 ? 1 : failed} failed, ${skipped} skipped`,
);
process.exit(failedStep ? 1 : 0);
