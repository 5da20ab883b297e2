/**
 * The window's remembered place: its normal bounds and whether it was maximised. Bounds are
 * restored only where the title bar can still be grabbed: its top edge and a strip of it on one
 * current display's work area (a monitor unplugged since, or a title bar pushed above the screen
 * or under the macOS menu bar, would otherwise leave a window that cannot be moved).
 */
import type { Display, Rectangle } from 'electron';
import { z } from 'zod';

/** The size at which the whole UI works (toolbar, table and dialogs without clipping). */
export const MIN_WINDOW_SIZE = { width: 760, height: 520 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
/** The part of the title bar that must lie on a work area: enough to grab and drag it. */
const TITLE_BAR_GRAB = { width: 120, height: 32 } as const;

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const windowStateSchema = z.object({ bounds: boundsSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof windowStateSchema>;

/** True when the window's top edge, and a grab strip of its title bar, lie on one work area. */
export function isTitleBarReachable(bounds: Rectangle, displays: readonly Display[]): boolean {
  return displays.some(({ workArea }) => {
    const topInside =
      bounds.y >= workArea.y && bounds.y + TITLE_BAR_GRAB.height <= workArea.y + workArea.height;
    const sharedWidth =
      Math.min(bounds.x + bounds.width, workArea.x + workArea.width) -
      Math.max(bounds.x, workArea.x);
    return topInside && sharedWidth >= TITLE_BAR_GRAB.width;
  });
}

/** What to open with: saved bounds where the title bar is reachable (never below the minimum), else defaults. */
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
  if (!state || !isTitleBarReachable(state.bounds, displays))
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
