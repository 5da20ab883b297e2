/**
 * The CLI as a process of its own, for tests: the folder store, a cipher with the key the test
 * gave (so both processes read the same secrets), the test's sandbox and its clock. The test's
 * variables are removed before the CLI runs, so exec's child does not inherit them.
 */
import { z } from 'zod';
import { EphemeralAesGcmCipher } from '../../vault/aes-gcm-cipher';
import { FolderStore } from '../../vault/file-store';
import { processStreams } from '../process-io';
import { runCli } from '../run-cli';

const settings = z
  .object({
    MWTOKENS_TEST_STORE: z.string().min(1),
    MWTOKENS_TEST_KEY: z.string().regex(/^[0-9a-f]{64}$/),
    MWTOKENS_TEST_SANDBOX: z.string().url(),
    MWTOKENS_TEST_NOW: z.coerce.number(),
  })
  .parse(process.env);
for (const name of Object.keys(settings)) Reflect.deleteProperty(process.env, name);

process.exitCode = await runCli(process.argv.slice(2), {
  store: new FolderStore(settings.MWTOKENS_TEST_STORE),
  cipher: new EphemeralAesGcmCipher(Buffer.from(settings.MWTOKENS_TEST_KEY, 'hex')),
  sandboxUrl: settings.MWTOKENS_TEST_SANDBOX,
  clock: () => settings.MWTOKENS_TEST_NOW,
  timeoutMs: 5_000,
  env: process.env,
  ...processStreams(),
});
