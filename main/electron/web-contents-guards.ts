/**
 * No navigation, no redirects, no webviews, no new windows: for every web contents the app ever
 * makes (`web-contents-created`), not only the main window's, so a later one cannot escape.
 * `will-navigate` covers the main frame only; `will-frame-navigate` covers subframes too (an
 * iframe the page did not mean to have must not wander off either).
 */
import type { Event, HandlerDetails, WindowOpenHandlerResponse } from 'electron';

export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: Event) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface ContentsCreatingApp {
  on(
    event: 'web-contents-created',
    listener: (event: Event, contents: GuardedContents) => void,
  ): unknown;
}

export function guardAllWebContents(app: ContentsCreatingApp): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
