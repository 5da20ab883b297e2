/**
 * Closing the window: hidden in the tray on Windows (told once), asked on Linux (a tray may be
 * invisible there) and remembered, closed as usual without a tray and on macOS.
 */
import { describe, expect, it } from 'vitest';
import { isCloseChoice, keepInTrayOnClose, type CloseChoice } from './close-to-tray';
import { translator } from './locale';
import { StandInWorld } from './testing/stand-ins';

const en = translator('en');
const de = translator('de');

describe('closing keeps the app in the tray on Windows, and on Linux when the user says so', () => {
  function setUp(
    platform: NodeJS.Platform,
    options: { hasTray?: boolean; language?: 'en' | 'de' } = {},
  ) {
    const world = new StandInWorld(platform);
    world.becomeReady();
    const window = new world.BrowserWindow({});
    let quitting = false;
    let told = 0;
    let hides = 0;
    const remembered: { choice?: CloseChoice } = {};
    world.app.on('before-quit', () => (quitting = true));
    keepInTrayOnClose(window, {
      platform,
      hasTray: () => options.hasTray ?? true,
      isQuitting: () => quitting,
      firstHide: () => hides++ === 0,
      tellKeptInTray: () => told++,
      closeChoice: () => remembered.choice,
      rememberCloseChoice: (choice) => (remembered.choice = choice),
      dialog: world.dialog,
      t: () => (options.language === 'de' ? de : en),
      quit: () => world.app.quit(),
    });
    return { world, window, told: () => told, remembered };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('Windows: hides instead of closing, says so the first time only, never asks; Quit still quits', () => {
    const { world, window, told } = setUp('win32');
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    window.show();
    window.close();
    expect(told()).toBe(1);
    expect(world.messageBoxes).toEqual([]);
    world.app.quit();
    expect(window.isDestroyed()).toBe(true);
    expect(world.quitCompleted).toBe(true);
  });

  it('Linux: the first close asks (a tray may be invisible) and remembers “keep running”', async () => {
    const { world, window, told, remembered } = setUp('linux');
    window.close();
    window.close(); // clicked again while the question is open: asked once
    expect(window.isDestroyed()).toBe(false);
    expect(world.messageBoxes).toHaveLength(1);
    expect(world.messageBoxes[0]).toMatchObject({
      buttons: ['Keep running in the tray', 'Quit'],
      cancelId: 0,
    });
    await settle();
    expect(window.isVisible()).toBe(false);
    expect(window.isDestroyed()).toBe(false); // hidden, not closed: the app runs on
    expect(world.quitCompleted).toBe(false);
    expect(remembered.choice).toBe('tray');
    window.show();
    window.close();
    expect(window.isVisible()).toBe(false);
    expect(world.messageBoxes).toHaveLength(1);
    expect(told()).toBe(0); // the user chose it: no notification
  });

  it('Linux: “Quit” quits now and, remembered, lets the window close from then on', async () => {
    const { world, window, remembered } = setUp('linux', { language: 'de' });
    world.messageBoxAnswer = 1;
    window.close();
    expect(world.messageBoxes[0]?.buttons).toEqual(['Im Infobereich weiterlaufen', 'Beenden']);
    await settle();
    expect(remembered.choice).toBe('quit');
    expect(world.quitCompleted).toBe(true);

    const next = setUp('linux');
    next.remembered.choice = 'quit';
    next.window.close();
    expect(next.window.isDestroyed()).toBe(true);
    expect(next.world.messageBoxes).toEqual([]);
    expect(next.world.quitCompleted).toBe(true); // Electron's default: the last window quits
  });

  it('Linux: the question is a plain question box, Keep running the default and the Escape answer', () => {
    const { world, window } = setUp('linux');
    window.close();
    expect(world.messageBoxes).toEqual([
      {
        type: 'question',
        title: 'Keep mwtokens running in the tray?',
        message: 'Keep mwtokens running in the tray?',
        detail: en('dialog.close'),
        buttons: ['Keep running in the tray', 'Quit'],
        defaultId: 0,
        cancelId: 0,
        noLink: true, // Windows would turn the buttons into command links otherwise
      },
    ]);
  });

  it('Linux: an answer that could not be remembered is asked again at the next close', async () => {
    const { world, window, remembered } = setUp('linux');
    window.close();
    await settle();
    expect(remembered.choice).toBe('tray');
    delete remembered.choice; // the settings store lost it
    window.show();
    window.close();
    expect(world.messageBoxes).toHaveLength(2);
  });

  it('Linux: while quitting, the window closes even when the tray was chosen', () => {
    const { world, window, remembered } = setUp('linux');
    remembered.choice = 'tray';
    world.app.quit();
    expect(window.isDestroyed()).toBe(true);
    expect(world.messageBoxes).toEqual([]);
    expect(world.quitCompleted).toBe(true);
  });

  it('a remembered answer is read back only if it is one of the two', () => {
    expect(isCloseChoice('tray')).toBe(true);
    expect(isCloseChoice('quit')).toBe(true);
    for (const stored of ['', 'Tray', undefined, null, 1, { choice: 'tray' }])
      expect(isCloseChoice(stored), JSON.stringify(stored)).toBe(false);
  });

  it('closes as usual without a tray, and on macOS', () => {
    for (const [platform, hasTray] of [
      ['win32', false],
      ['linux', false],
      ['darwin', true],
    ] as const) {
      const { window, world } = setUp(platform, { hasTray });
      window.close();
      expect(window.isDestroyed(), platform).toBe(true);
      expect(world.messageBoxes, platform).toEqual([]);
    }
  });
});
