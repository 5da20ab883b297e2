/**
 * Start-up trouble the user sees: a failed start explained in an error box (and the log) before
 * the process ends with a failure code; an unreadable settings file moved aside and reported;
 * anything else about the file left alone.
 */
import { describe, expect, it } from 'vitest';
import { translator } from './locale';
import { failStartup } from './startup-failure';
import { openStore, reportMovedStores, type StoreFiles } from './stores';
import { StandInWorld } from './testing/stand-ins';

const en = translator('en');

describe('a failed start-up', () => {
  it('names the error and its kind in the box and the log, and exits with 1', () => {
    const world = new StandInWorld();
    const logged: string[] = [];
    failStartup(
      { dialog: world.dialog, app: world.app, t: en, log: (l) => logged.push(l) },
      new TypeError('keychain locked'),
    );
    expect(logged).toEqual(['start-up failed: keychain locked (TypeError)']);
    expect(world.errorBoxes).toEqual([
      {
        title: 'mwtokens could not start',
        content: 'Start-up failed: keychain locked (TypeError)\n\nThe app will close now.',
      },
    ]);
    expect(world.exitCode).toBe(1);
  });

  it('something thrown that is no Error is reported as an unknown error', () => {
    const world = new StandInWorld();
    const logged: string[] = [];
    failStartup(
      { dialog: world.dialog, app: world.app, t: translator('de'), log: (l) => logged.push(l) },
      { secret: 'never shown' },
    );
    expect(logged).toEqual(['start-up failed: unknown error']);
    expect(world.errorBoxes[0]?.title).toBe('mwtokens konnte nicht starten');
    expect(world.errorBoxes[0]?.content).toContain('unknown error');
    expect(world.exitCode).toBe(1);
  });
});

/** Files that exist as listed, recording renames. */
function files(existing: string[]) {
  const renames: [string, string][] = [];
  const api: StoreFiles = {
    exists: (path) => existing.includes(path),
    rename: (from, to) => void renames.push([from, to]),
  };
  return { api, renames };
}

const syntaxError = () => new SyntaxError('Unexpected end of JSON input');

describe('opening a store', () => {
  it('an unparsable file is renamed with the time in its name, and the store opened again', () => {
    const { api, renames } = files(['/d/settings.json']);
    let opens = 0;
    const opened = openStore(
      '/d',
      'settings',
      () => {
        if (opens++ === 0) throw syntaxError();
        return 'store';
      },
      () => Date.UTC(2024, 4, 6, 7, 8, 9, 123),
      api,
    );
    const kept = '/d/settings.unreadable-2024-05-06T07-08-09-123Z.json';
    expect(renames).toEqual([['/d/settings.json', kept]]);
    expect(opened).toEqual({ store: 'store', movedAside: { file: '/d/settings.json', kept } });
  });

  it('a store that opens is returned as is, nothing moved', () => {
    const { api, renames } = files(['/d/settings.json']);
    expect(openStore('/d', 'settings', () => 'store', Date.now, api)).toEqual({ store: 'store' });
    expect(renames).toEqual([]);
  });

  it('a parse error with no file to move, or any other error, is thrown and nothing renamed', () => {
    for (const [error, existing] of [
      [syntaxError(), []],
      [new Error('EACCES'), ['/d/settings.json']],
      ['a string', ['/d/settings.json']],
    ] as const) {
      const { api, renames } = files([...existing]);
      let thrown: unknown;
      try {
        openStore(
          '/d',
          'settings',
          () => {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- a library may throw anything
            throw error;
          },
          Date.now,
          api,
        );
      } catch (caught) {
        thrown = caught;
      }
      expect(thrown).toBe(error);
      expect(renames).toEqual([]);
    }
  });
});

describe('telling the user about moved files', () => {
  it('one warning per file, naming where the old file was kept', async () => {
    const world = new StandInWorld();
    reportMovedStores(world.dialog, en, [
      { file: '/d/a.json', kept: '/d/a.unreadable-1.json' },
      { file: '/d/b.json', kept: '/d/b.unreadable-1.json' },
    ]);
    await Promise.resolve();
    expect(world.messageBoxes).toEqual([
      {
        type: 'warning',
        title: 'Settings file could not be read',
        message: 'Settings file could not be read',
        detail:
          'The file /d/a.json could not be read. It was kept as /d/a.unreadable-1.json, and mwtokens started with defaults.',
      },
      expect.objectContaining({
        detail: expect.stringContaining('/d/b.unreadable-1.json') as string,
      }),
    ]);
  });
});
