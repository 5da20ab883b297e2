/**
 * Main's words: German for any German OS locale however it is written, English otherwise;
 * placeholders filled from the values given, and left visible when a value is missing.
 */
import { describe, expect, it } from 'vitest';
import { resolveLanguage, translator } from './locale';

describe('main’s language', () => {
  it('follows a German OS locale in any of its spellings', () => {
    for (const locale of ['de', 'de-DE', 'de_CH', 'DE-at'])
      expect(resolveLanguage('system', locale), locale).toBe('de');
    for (const locale of ['', 'en-US', 'dsb-DE', 'fr_DE', 'nl'])
      expect(resolveLanguage('system', locale), locale).toBe('en');
    expect(resolveLanguage('de', 'en-US')).toBe('de');
  });

  it('fills every placeholder, numbers included, and shows a missing one as it is', () => {
    const en = translator('en');
    expect(en('tray.limit', { endpoint: 'GET /v2/projects', remaining: 0, limit: 100 })).toBe(
      'GET /v2/projects: 0 of 100 left',
    );
    expect(en('tray.limit', { endpoint: 'GET /x' })).toBe('GET /x: {remaining} of {limit} left');
    expect(en('tray.quit')).toBe('Quit mwtokens');
    expect(translator('de')('notify.copied', { seconds: 20 })).toBe(
      'Frisches API-Token kopiert. Die Zwischenablage wird in 20 s geleert.',
    );
  });
});
