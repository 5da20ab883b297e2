/**
 * The stand-ins' lifecycle against what Electron 45 does (shell/browser/browser.cc, browser init,
 * electron.d.ts), so that tests written over them cannot pass where the real app would not.
 */
import type { Event } from 'electron';
import { describe, expect, it } from 'vitest';
import { StandInWorld } from './stand-ins';
import { paintFirstFrame } from './stand-in-windows';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function events(world: StandInWorld) {
  const heard: string[] = [];
  for (const name of ['before-quit', 'will-quit', 'quit', 'window-all-closed', 'ready'])
    world.app.on(name, () => heard.push(name));
  return heard;
}

describe('the app stand-in’s lifecycle', () => {
  it('becomes ready once; whenReady resolves asynchronously, and asking does not make it ready', async () => {
    const world = new StandInWorld();
    const heard = events(world);
    let resolved = false;
    void world.app.whenReady().then(() => (resolved = true));
    await settle();
    expect(world.app.isReady()).toBe(false);
    world.becomeReady();
    world.becomeReady();
    expect(heard).toEqual(['ready']);
    expect(resolved).toBe(false); // not synchronously
    await settle();
    expect(resolved).toBe(true);
  });

  it('exit before ready ends with no event; after ready it emits quit only', () => {
    const early = new StandInWorld();
    const heardEarly = events(early);
    early.app.exit(3);
    expect(early.exitCode).toBe(3);
    expect(heardEarly).toEqual([]);

    const world = new StandInWorld();
    world.becomeReady();
    const window = new world.BrowserWindow({});
    window.on('close', (event: Event) => event.preventDefault()); // exit does not ask
    const heard = events(world);
    world.app.exit(0);
    expect(window.isDestroyed()).toBe(true);
    expect(heard).toEqual(['quit']);
    expect(world.exitCode).toBe(0);
  });

  it('closing the last window emits window-all-closed; with no listener of ours, it quits', () => {
    const world = new StandInWorld();
    world.becomeReady();
    const heard = events(world);
    const [a, b] = [new world.BrowserWindow({}), new world.BrowserWindow({})];
    a.close();
    expect(heard).toEqual([]);
    b.close();
    // Electron's own listener plus the probe's: two, so Electron's default does not quit.
    expect(heard).toEqual(['window-all-closed']);
    expect(world.quitCompleted).toBe(false);

    const bare = new StandInWorld();
    bare.becomeReady();
    new bare.BrowserWindow({}).close();
    expect(bare.quitCompleted).toBe(true);
  });

  it('a window refusing to close cancels the quit; a later quit asks again', () => {
    const world = new StandInWorld();
    world.becomeReady();
    const window = new world.BrowserWindow({});
    let refuse = true;
    window.on('close', (event: Event) => refuse && event.preventDefault());
    const heard = events(world);
    world.app.quit();
    expect(heard).toEqual(['before-quit']);
    expect(world.quitCompleted).toBe(false);
    refuse = false;
    world.app.quit();
    expect(heard).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
    expect(world.quitCompleted).toBe(true);
  });

  it('maximize shows a hidden window; ready-to-show comes once', () => {
    const world = new StandInWorld();
    const window = new world.BrowserWindow({ show: false });
    let ready = 0;
    window.on('ready-to-show', () => ready++);
    window.maximize();
    expect(window.isVisible()).toBe(true);
    paintFirstFrame(window);
    paintFirstFrame(window);
    expect(ready).toBe(1);
  });
});
