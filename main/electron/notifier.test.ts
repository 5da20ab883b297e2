/**
 * What a notification does for the user: shown silently with its title and text, a click runs
 * the action it offers (once the OS reports it), and where the system has no notifications the
 * log says it was skipped instead of the app failing.
 */
import { describe, expect, it } from 'vitest';
import { createNotifier } from './notifications';
import { StandInWorld } from './testing/stand-ins';

describe('the notifier', () => {
  it('shows silently, with the title and text', () => {
    const world = new StandInWorld('linux');
    createNotifier(world.Notification, () => undefined)('Rate limit running low', '3 of 100 left');
    expect(world.shown).toEqual([
      { title: 'Rate limit running low', body: '3 of 100 left', silent: true },
    ]);
  });

  it('a click runs the notification’s own action, and only its own', () => {
    const world = new StandInWorld('linux');
    const notify = createNotifier(world.Notification, () => undefined);
    const clicked: string[] = [];
    notify('renew', 'click to renew', () => clicked.push('renew'));
    notify('plain', 'nothing to do');
    notify('other', 'another action', () => clicked.push('other'));
    const [renew, plain] = world.made.map((ref) => ref.deref());
    renew?.emit('click', {});
    plain?.emit('click', {});
    expect(clicked).toEqual(['renew']);
  });

  it('where notifications are not supported, shows nothing and logs that it skipped', () => {
    const world = new StandInWorld('linux');
    const Unsupported = class extends world.Notification {
      static override isSupported(): boolean {
        return false;
      }
    };
    const logged: string[] = [];
    createNotifier(Unsupported, (l) => logged.push(l))('t', 'b');
    expect(world.made).toEqual([]);
    expect(world.shown).toEqual([]);
    expect(logged).toEqual(['notification skipped: not supported here']);
  });
});
