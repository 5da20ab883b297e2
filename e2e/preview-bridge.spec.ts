/**
 * The preview bridge hands answers into the page as JSON literals (main/preview/host.ts): they
 * arrive as the same data JSON.parse would make, each call gets its own answer, and a host
 * that fails rejects the call instead of leaving it waiting.
 */
import type { Result } from '../app/contract';
import { expect, test } from './fixtures';

test.use({
  previewOptions: {
    tamperAnswer: (channel, answer): Result<unknown> => {
      if (channel !== 'app:ping') return answer;
      // A ping with an input is refused by the service; here the host fails on it instead.
      if (!answer.ok) throw new Error('the host failed');
      // A "__proto__" key is data in JSON; in an object literal it would set the prototype.
      return { ok: true, value: JSON.parse('{"__proto__": {"polluted": true}, "n": 1}') };
    },
  },
});

type Invoke = { mwtokens: { invoke(channel: string, input?: unknown): Promise<unknown> } };

test('answers arrive as JSON data, each to its own call', async ({ page }) => {
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const seen = await page.evaluate(async () => {
    const { mwtokens } = globalThis as unknown as Invoke;
    const [ping, settings] = await Promise.all([
      mwtokens.invoke('app:ping'),
      mwtokens.invoke('settings:get'),
    ]);
    const value = (ping as { value: Record<string, unknown> }).value;
    return {
      ownProto: Object.hasOwn(value, '__proto__'),
      plainPrototype: Object.getPrototypeOf(value) === Object.prototype,
      polluted: 'polluted' in value,
      n: value.n,
      settingsOk: (settings as { ok: boolean }).ok,
      settingsHasLanguage: 'language' in (settings as { value: object }).value,
    };
  });
  expect(seen).toEqual({
    ownProto: true,
    plainPrototype: true,
    polluted: false,
    n: 1,
    settingsOk: true,
    settingsHasLanguage: true,
  });
});

test('a call the host fails on is rejected, not left waiting; later calls are answered', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const outcome = await page.evaluate(async () => {
    const { mwtokens } = globalThis as unknown as Invoke;
    const failed = await mwtokens.invoke('app:ping', 'unexpected input').then(
      () => 'answered',
      (error: unknown) => `rejected: ${String(error)}`,
    );
    const after = (await mwtokens.invoke('app:ping')) as { ok: boolean };
    return { failed, after: after.ok };
  });
  expect(outcome.failed).toMatch(/^rejected: .*the host failed/);
  expect(outcome.after).toBe(true);
});
