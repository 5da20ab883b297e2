// exec's child in tests: reports what it got without ever printing the token itself, which
// would put a secret in the test's output. Writes JSON to stdout, or to the file in argv[2].
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const token = process.env.MITTWALD_API_TOKEN ?? '';
let input = '';
if (process.argv.includes('--stdin')) for await (const chunk of process.stdin) input += chunk;
const report = JSON.stringify({
  tokenSha256: createHash('sha256').update(token).digest('hex'),
  tokenLength: token.length,
  url: process.env.MITTWALD_API_URL,
  testVariables: Object.keys(process.env).filter((name) => name.startsWith('MWTOKENS_TEST')),
  stdinLength: input.length,
  argv: process.argv.slice(2),
});
const out = process.argv[2];
if (out && !out.startsWith('--')) writeFileSync(out, report);
else process.stdout.write(`${report}\n`);
const exitWith = process.argv.find((arg) => arg.startsWith('--exit='));
process.exitCode = exitWith ? Number(exitWith.slice('--exit='.length)) : 0;
