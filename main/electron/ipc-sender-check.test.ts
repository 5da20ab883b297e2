/**
 * The sender check's credential parts: a password without a user name is still credentials, and
 * a frame of our own origin is refused as soon as it carries any.
 */
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc';
import { StandInWebContents } from './testing/stand-in-windows';

const contents = new StandInWebContents();
const trusted = new Set([contents.id]);
const from = (url: string) =>
  ({
    sender: contents,
    senderFrame: { url, parent: null } satisfies Pick<WebFrameMain, 'url' | 'parent'>,
  }) as unknown as IpcMainInvokeEvent;

describe('sender check', () => {
  it('accepts our own top frame', () => {
    expect(isTrustedSender(from('app://mwtokens/index.html'), trusted)).toBe(true);
  });

  it('refuses a password with an empty user name, and an empty password after a user', () => {
    expect(isTrustedSender(from('app://:secret@mwtokens/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(from('app://user:@mwtokens/index.html'), trusted)).toBe(false);
  });
});
