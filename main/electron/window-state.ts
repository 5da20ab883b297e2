/**
 * The window's remembered place: its normal bounds and whether it was maximised. Bounds are
 * restored only where a current display's work area shows enough of them to grab the window
 * (a monitor unplugged since would otherwise open it off-screen).
 */
import type { Display, Rectangle } from 'electron';
import { z } from 'zod';

/** The size at which the whole UI works (toolbar, table and dialogs without clipping). */
export const MIN_WINDOW_SIZE = { width: 760, height: 520 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
/** How much of the window must lie on a display: its title bar and some of the page. */
const VISIBLE_ENOUGH = { width: 120, height: 60 } as const;

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const windowStateSchema = z.object({ bounds: boundsSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof windowStateSchema>;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function isVisibleOnSomeDisplay(bounds: Rectangle, displays: readonly Display[]): boolean {
  return displays.some((display) => {
    const shared = overlap(bounds, display.workArea);
    return shared.width >= VISIBLE_ENOUGH.width && shared.height >= VISIBLE_ENOUGH.height;
  });
}

/** What to open with: saved bounds where still visible (never below the minimum), else defaults. */
export function restoreWindowState(
  saved: unknown,
  displays: readonly Display[],
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  // The first releases saved bare bounds; they are read as "not maximised".
  const parsed = windowStateSchema.safeParse(saved);
  const legacy = boundsSchema.safeParse(saved);
  const state = parsed.success
    ? parsed.data
    : legacy.success
      ? { bounds: legacy.data, maximized: false }
      : undefined;
  if (!state || !isVisibleOnSomeDisplay(state.bounds, displays))
    return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: state?.maximized ?? false };
  return {
    bounds: {
      ...state.bounds,
      width: Math.max(state.bounds.width, MIN_WINDOW_SIZE.width),
      height: Math.max(state.bounds.height, MIN_WINDOW_SIZE.height),
    },
    maximized: state.maximized,
  };
}
