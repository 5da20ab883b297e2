/**
 * Start-up tidies the profiles: sign-ins left waiting for a second factor when the app last
 * quit are removed, and the app opens on the default profile, else the last selected, else the
 * first. Nothing is written when nothing needs tidying; an unreadable record is left alone.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startService, type ServiceHarness } from '../testing/service-fixture';

async function twoProfiles(h: ServiceHarness): Promise<[string, string]> {
  await h.ok('profiles:add', { name: 'First', server: 'sandbox' });
  const first = (await h.ok('profiles:list')).selectedProfileId ?? '';
  await h.ok('profiles:add', { name: 'Second', server: 'sandbox' });
  const second = (await h.ok('profiles:list')).selectedProfileId ?? '';
  return [first, second];
}

/** Adds a sign-in that waits for its second factor (as the app leaves it when quit then). */
async function addProvisional(h: ServiceHarness, select: boolean): Promise<string> {
  const id = 'waiting-for-code';
  await h.manager.vault.updateProfiles((record) => ({
    ...record,
    profiles: [
      ...record.profiles,
      {
        id,
        name: 'Waiting',
        server: 'sandbox',
        provisional: true,
        allowWeakStorage: false,
        createdAt: 0,
      },
    ],
    selectedProfileId: select ? id : record.selectedProfileId,
  }));
  return id;
}

const profilesFile = (h: ServiceHarness) => join(h.folder, 'profiles.json');

describe('start-up', () => {
  it('removes a sign-in left waiting for its second factor, and opens on a kept profile', async () => {
    const h = await startService();
    const [first] = await twoProfiles(h);
    await addProvisional(h, true);
    const restarted = h.restart();
    await restarted.manager.start();
    const view = await restarted.ok('profiles:list');
    expect(view.profiles.map((p) => p.name)).toEqual(['First', 'Second']);
    expect(view.selectedProfileId).toBe(first);
  });

  it('keeps the last selected profile when there is no default, and writes nothing when all is tidy', async () => {
    const h = await startService();
    const [, second] = await twoProfiles(h);
    const before = readFileSync(profilesFile(h));
    const modified = statSync(profilesFile(h)).mtimeMs;
    const restarted = h.restart();
    await restarted.manager.start();
    expect((await restarted.ok('profiles:list')).selectedProfileId).toBe(second);
    expect(readFileSync(profilesFile(h))).toEqual(before);
    expect(statSync(profilesFile(h)).mtimeMs).toBe(modified);
  });

  it('a default that no longer exists gives way to the last selected profile', async () => {
    const h = await startService();
    const [first, second] = await twoProfiles(h);
    await h.ok('settings:set', { defaultProfileId: first });
    await h.ok('profiles:select', { profileId: second });
    await h.manager.vault.updateProfiles((record) => ({
      ...record,
      profiles: record.profiles.filter((p) => p.id !== first),
    }));
    const restarted = h.restart();
    await restarted.manager.start();
    expect((await restarted.ok('profiles:list')).selectedProfileId).toBe(second);
  });

  it('an unreadable profiles record is left as it is, and start-up goes on', async () => {
    const h = await startService();
    await twoProfiles(h);
    writeFileSync(profilesFile(h), '{ not json');
    const restarted = h.restart();
    await expect(restarted.manager.start()).resolves.toBeUndefined();
    expect(readFileSync(profilesFile(h), 'utf8')).toBe('{ not json');
    expect(restarted.logLines.join('\n')).toMatch(/start-up could not tidy the profiles \(\w+\)/);
  });
});

describe('host commands', () => {
  it('a menu, tray or shortcut command is passed on to the renderer as it is', async () => {
    const h = await startService();
    h.manager.command('help');
    h.manager.command('newToken');
    expect(h.events('ui:command')).toEqual([{ command: 'help' }, { command: 'newToken' }]);
  });
});
