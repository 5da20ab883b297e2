/**
 * The local sandbox starts on first use and closes with the app; a start that failed leaves
 * nothing to close, and the developer flag's start only logs what happened.
 */
import { describe, expect, it } from 'vitest';
import { createSandboxLauncher, sandboxRequestedEagerly, startEagerly } from './sandbox-launcher';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sandbox launcher', () => {
  it('closing after a failed start does nothing and does not throw; closing twice closes once', async () => {
    let closes = 0;
    let fail = true;
    const launcher = createSandboxLauncher(() =>
      fail
        ? Promise.reject(new Error('EADDRINUSE'))
        : Promise.resolve({
            url: 'http://127.0.0.1:1/v1',
            close: () => Promise.resolve(void closes++),
          }),
    );
    await expect(launcher.url()).rejects.toThrow('EADDRINUSE');
    await expect(launcher.close()).resolves.toBeUndefined();
    fail = false;
    await launcher.url();
    await launcher.close();
    await launcher.close();
    expect(closes).toBe(1);
  });

  it('a close while the start is still running waits for it and closes the started sandbox', async () => {
    let closes = 0;
    let started: (() => void) | undefined;
    const launcher = createSandboxLauncher(
      () =>
        new Promise((resolve) => {
          started = () => resolve({ url: 'u', close: () => Promise.resolve(void closes++) });
        }),
    );
    const url = launcher.url();
    const closing = launcher.close();
    started?.();
    await closing;
    expect(closes).toBe(1);
    expect(await url).toBe('u');
  });

  it('a sandbox whose close fails still lets the app close', async () => {
    const launcher = createSandboxLauncher(() =>
      Promise.resolve({ url: 'u', close: () => Promise.reject(new Error('busy')) }),
    );
    await launcher.url();
    await expect(launcher.close()).resolves.toBeUndefined();
  });

  it('starts again after a close', async () => {
    let starts = 0;
    const launcher = createSandboxLauncher(() =>
      Promise.resolve({ url: `u${++starts}`, close: () => Promise.resolve() }),
    );
    expect(await launcher.url()).toBe('u1');
    await launcher.close();
    expect(await launcher.url()).toBe('u2');
  });
});

describe('the developer flag', () => {
  it('is --sandbox or MWTOKENS_SANDBOX=1, nothing else', () => {
    expect(sandboxRequestedEagerly(['electron', '.', '--sandbox=no'], {})).toBe(false);
    expect(sandboxRequestedEagerly([], { MWTOKENS_SANDBOX: '0' })).toBe(false);
    expect(sandboxRequestedEagerly([], { MWTOKENS_SANDBOX: 'true' })).toBe(false);
  });

  it('logs where the sandbox listens, or why it did not start', async () => {
    const logged: string[] = [];
    const log = (line: string) => void logged.push(line);
    startEagerly(
      createSandboxLauncher(() =>
        Promise.resolve({ url: 'http://127.0.0.1:9/v1', close: () => Promise.resolve() }),
      ),
      log,
    );
    startEagerly(
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error, as a library may throw
      createSandboxLauncher(() => Promise.reject('port taken')),
      log,
    );
    await settle();
    expect(logged).toEqual([
      'sandbox listening on http://127.0.0.1:9/v1',
      'sandbox did not start: unknown error',
    ]);
  });
});
