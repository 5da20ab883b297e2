/**
 * A crashed page: reloaded once without asking, then explained in a dialog whose Reload reloads
 * and whose Quit (or Escape) quits; every crash is logged with its reason, a clean exit is not.
 */
import { describe, expect, it } from 'vitest';
import { translator } from './locale';
import { recoverFromRendererCrashes } from './renderer-recovery';
import { crashRenderer, reloadsOf } from './testing/stand-in-windows';
import { StandInWorld } from './testing/stand-ins';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(language: 'en' | 'de' = 'en') {
  const world = new StandInWorld();
  const window = new world.BrowserWindow({});
  const logged: string[] = [];
  let quits = 0;
  recoverFromRendererCrashes(window.webContents, {
    dialog: world.dialog,
    t: () => translator(language),
    quit: () => quits++,
    log: (line) => logged.push(line),
  });
  return { world, window, contents: window.webContents, logged, quits: () => quits };
}

describe('renderer crash recovery', () => {
  it('logs each crash with its reason and exit code; a clean exit is not logged', () => {
    const { contents, logged } = setUp();
    crashRenderer(contents, 'clean-exit');
    crashRenderer(contents, 'killed');
    expect(logged).toEqual(['renderer gone: killed (exit code 1)']);
  });

  it('asks after the second crash: Reload is the default, Escape quits', async () => {
    const { world, contents, quits } = setUp();
    crashRenderer(contents, 'crashed');
    crashRenderer(contents, 'crashed');
    await settle();
    expect(world.messageBoxes).toEqual([
      {
        type: 'error',
        title: 'The window stopped working',
        message: 'The window stopped working',
        detail:
          'The window’s page stopped (crashed) again after a reload. Your tokens and settings are safe.',
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      },
    ]);
    // The stand-in answers 0: Reload.
    expect(reloadsOf(contents)).toBe(2);
    expect(quits()).toBe(0);
    crashRenderer(contents, 'oom'); // and again: it asks again
    await settle();
    expect(world.messageBoxes).toHaveLength(2);
    expect(reloadsOf(contents)).toBe(3);
  });

  it('Reload on a window closed meanwhile quits, as nothing is left to reload', async () => {
    const { world, window, contents, quits } = setUp();
    crashRenderer(contents, 'crashed');
    crashRenderer(contents, 'crashed');
    window.destroy();
    await settle();
    expect(world.messageBoxes).toHaveLength(1);
    expect(reloadsOf(contents)).toBe(1);
    expect(quits()).toBe(1);
  });

  it('speaks the app’s language', async () => {
    const { world, contents } = setUp('de');
    crashRenderer(contents, 'crashed');
    crashRenderer(contents, 'crashed');
    await settle();
    expect(world.messageBoxes[0]).toMatchObject({
      title: 'Das Fenster funktioniert nicht mehr',
      buttons: ['Neu laden', 'Beenden'],
    });
  });
});
