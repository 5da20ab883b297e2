/**
 * The e2e leak check bites: a secret planted into one answer (through the host's test-only
 * hook) never shows on screen, yet the check finds it in the transcript of what reached the page.
 */
import type { Result } from '../app/contract';
import {
  createToken,
  expect,
  expectNoSecretsInPage,
  pageHaystacks,
  signIn,
  test,
} from './fixtures';
import { findLeaks } from '../app/testing/leak-check';

test.use({
  leakCheck: false,
  previewOptions: {
    tamperAnswer: (channel, answer, sandbox): Result<unknown> => {
      if (channel !== 'tokens:create' || !answer.ok) return answer;
      const secrets = [...sandbox.world.issuedSecrets];
      return { ok: true, value: { ...(answer.value as object), planted: secrets.at(-1) } };
    },
  },
});

test('a secret planted into an answer is caught by the transcript check', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'planted');
  const haystacks = await pageHaystacks(host);
  const secrets = [...host.sandbox.world.issuedSecrets];
  const domOnly = haystacks.filter((h) => h.where.startsWith('page '));
  expect(findLeaks(secrets, domOnly)).toEqual([]);
  expect(findLeaks(secrets, haystacks).map((leak) => leak.where)).toEqual([
    'answers, events and console',
  ]);
  await expect(expectNoSecretsInPage(host)).rejects.toThrow(/secrets that reached the page/);
});
