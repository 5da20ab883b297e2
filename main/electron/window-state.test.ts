/**
 * Where the window reopens: saved bounds only while a grab strip of the title bar (120 × 32 px)
 * and its top edge lie on one display's work area, exactly to the pixel; otherwise the default
 * size, keeping the maximised flag. Saved state that is not ours opens with defaults.
 */
import { describe, expect, it } from 'vitest';
import { standInDisplay } from './testing/stand-ins';
import { DEFAULT_WINDOW_SIZE, isTitleBarReachable, restoreWindowState } from './window-state';

// A work area that does not start at 0 (a taskbar on top, a second display to the right).
const displays = [
  standInDisplay(1, { x: 0, y: 40, width: 1000, height: 700 }),
  standInDisplay(2, { x: 1000, y: 0, width: 800, height: 600 }),
];
const at = (x: number, y: number, width = 400, height = 300) => ({ x, y, width, height });

describe('is the title bar reachable', () => {
  it('the top edge on the work area, to the pixel', () => {
    expect(isTitleBarReachable(at(100, 40), displays)).toBe(true);
    expect(isTitleBarReachable(at(100, 39), displays)).toBe(false); // under the taskbar
    // The 32 px strip must end inside: 40 + 700 = 740.
    expect(isTitleBarReachable(at(100, 708), displays)).toBe(true);
    expect(isTitleBarReachable(at(100, 709), displays)).toBe(false);
  });

  it('at least 120 px of title bar across, on either side', () => {
    expect(isTitleBarReachable(at(-280, 100), displays)).toBe(true); // 120 px on the left edge
    expect(isTitleBarReachable(at(-281, 100), displays)).toBe(false);
    // Display 2 ends at x 1800; a window from 1680 has 120 px on it.
    expect(isTitleBarReachable(at(1680, 100), displays)).toBe(true);
    expect(isTitleBarReachable(at(1681, 100), displays)).toBe(false);
    // Across both displays counts per display: 100 px on each is not enough.
    expect(isTitleBarReachable(at(900, 100, 200), displays)).toBe(false);
  });

  it('a title bar on no display, or no display at all, is not reachable', () => {
    expect(isTitleBarReachable(at(100, 100), [])).toBe(false);
    // Right of display 1 and below display 2's work area.
    expect(isTitleBarReachable(at(1100, 650), displays)).toBe(false);
  });
});

describe('restoring the window state', () => {
  it('keeps reachable bounds and the maximised flag', () => {
    expect(
      restoreWindowState({ bounds: at(1100, 10, 800, 600), maximized: true }, displays),
    ).toEqual({
      bounds: at(1100, 10, 800, 600),
      maximized: true,
    });
  });

  it('opens at the default size where the title bar is out of reach, still maximised if it was', () => {
    expect(restoreWindowState({ bounds: at(5000, 10), maximized: true }, displays)).toEqual({
      bounds: { ...DEFAULT_WINDOW_SIZE },
      maximized: true,
    });
    expect(restoreWindowState({ bounds: at(5000, 10), maximized: false }, displays)).toEqual({
      bounds: { ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('bare bounds saved by earlier releases open there, not maximised', () => {
    expect(restoreWindowState(at(10, 50, 800, 600), displays)).toEqual({
      bounds: at(10, 50, 800, 600),
      maximized: false,
    });
  });

  it('grows only the side below the minimum', () => {
    expect(
      restoreWindowState({ bounds: at(0, 40, 900, 300), maximized: false }, displays).bounds,
    ).toEqual(at(0, 40, 900, 520));
    expect(
      restoreWindowState({ bounds: at(0, 40, 300, 600), maximized: false }, displays).bounds,
    ).toEqual(at(0, 40, 760, 600));
  });

  it('anything that is not a saved state opens with defaults, not maximised', () => {
    for (const saved of [
      undefined,
      null,
      'x',
      { bounds: at(10, 50), maximized: 'yes' },
      { bounds: { ...at(10, 50), width: 0 }, maximized: false },
      { bounds: { ...at(10, 50), x: 1.5 }, maximized: false },
      { ...at(10, 50), height: -1 },
    ])
      expect(restoreWindowState(saved, displays), JSON.stringify(saved)).toEqual({
        bounds: { ...DEFAULT_WINDOW_SIZE },
        maximized: false,
      });
  });
});
