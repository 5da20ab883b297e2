/**
 * Notifications on Windows belong to the app (AppUserModelID: the installer's when packaged, the
 * executable's in a dev run), and each is held until the OS answered, so no failure is lost.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP_ID, declareIdentity } from './app-identity';
import { createNotifier, MAX_HELD_NOTIFICATIONS } from './notifications';
import { StandInWorld } from './testing/stand-ins';

describe('Windows notifications (issue 12.6)', () => {
  it('with the installer’s AppUserModelID a toast shows; without it the failure is logged', () => {
    const without = new StandInWorld('win32');
    const logged: string[] = [];
    createNotifier(without.Notification, (l) => logged.push(l))('mwtokens', 'body');
    without.deliverNotificationOutcomes();
    expect(without.shown).toEqual([]);
    expect(logged[0]).toMatch(/notification "mwtokens" failed/);

    const world = new StandInWorld('win32', { packaged: true });
    declareIdentity(world.app, 'win32');
    expect(world.userModelId).toBe(APP_ID);
    createNotifier(world.Notification, () => undefined)('mwtokens', 'body');
    expect(world.shown).toMatchObject([{ title: 'mwtokens', body: 'body' }]);
  });

  // A full collection on demand, so "held or not" is seen, not guessed.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  /** Ends the current job (WeakRefs made in it keep their targets until then), then collects. */
  const collect = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  };

  it('an unpackaged run (npm start) on Windows uses the executable’s path, as Electron advises', () => {
    const dev = new StandInWorld('win32');
    declareIdentity(dev.app, 'win32', 'C:\\mwtokens\\node_modules\\electron\\dist\\electron.exe');
    expect(dev.userModelId).toBe('C:\\mwtokens\\node_modules\\electron\\dist\\electron.exe');
    const defaulted = new StandInWorld('win32');
    declareIdentity(defaulted.app, 'win32');
    expect(defaulted.userModelId).toBe(process.execPath);
    const linux = new StandInWorld('linux', { packaged: true });
    declareIdentity(linux.app, 'linux');
    expect(linux.userModelId).toBeUndefined();
  });

  it('holds each notification until it failed or closed, so the garbage collector cannot lose a failure', async () => {
    const world = new StandInWorld('win32'); // no AppUserModelID: the toast fails, later
    const logged: string[] = [];
    const notify = createNotifier(world.Notification, (l) => logged.push(l));
    notify('mwtokens', 'body');
    await collect();
    world.deliverNotificationOutcomes();
    expect(logged).toEqual([
      'notification "mwtokens" failed: no AppUserModelID: the toast belongs to no app',
    ]);
    await collect();
    expect(world.made[0]?.deref()).toBeUndefined(); // let go once it failed

    const shown = new StandInWorld('linux');
    const notifyShown = createNotifier(shown.Notification, () => undefined);
    notifyShown('a', 'b');
    await collect();
    shown.made[0]?.deref()?.emit('close', {});
    await collect();
    expect(shown.made[0]?.deref()).toBeUndefined(); // let go once closed
    for (let i = 0; i <= MAX_HELD_NOTIFICATIONS; i++) notifyShown('n', String(i));
    await collect();
    const alive = shown.made.filter((ref) => ref.deref() !== undefined);
    expect(alive).toHaveLength(MAX_HELD_NOTIFICATIONS); // bounded: the oldest let go
  });
});
