/**
 * Main's language follows the setting: the OS locale until the setting is read, a failed read
 * counts as 'system', listeners hear real changes only (and stop hearing once they unsubscribe),
 * and a slow read never overwrites a newer one.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../app/contract';
import { AppLanguage } from './app-language';

type Language = Settings['language'];

describe('the app’s language in main', () => {
  it('starts in the OS language, before the setting is read', () => {
    const language = new AppLanguage({
      readSetting: () => Promise.resolve('en'),
      systemLocale: () => 'de-DE',
    });
    expect(language.language).toBe('de');
    expect(language.t('tray.quit')).toBe('mwtokens beenden');
  });

  it('a failed read of the setting follows the OS', async () => {
    let locale = 'en-US';
    const language = new AppLanguage({
      readSetting: () => Promise.reject(new Error('store locked')),
      systemLocale: () => locale,
    });
    const heard: string[] = [];
    language.onChange((t) => heard.push(t('tray.quit')));
    locale = 'de-CH';
    await language.refresh();
    expect(language.language).toBe('de');
    expect(heard).toEqual(['mwtokens beenden']);
  });

  it('listeners hear changes only, and nothing once unsubscribed', async () => {
    let setting: Language = 'en';
    const language = new AppLanguage({
      readSetting: () => Promise.resolve(setting),
      systemLocale: () => 'en-GB',
    });
    const heard: string[] = [];
    const off = language.onChange((t) => heard.push(t('tray.show')));
    await language.refresh(); // still English: nothing to hear
    expect(heard).toEqual([]);
    setting = 'de';
    await language.refresh();
    expect(heard).toEqual(['mwtokens zeigen']);
    expect(language.t('tray.show')).toBe('mwtokens zeigen');
    off();
    setting = 'en';
    await language.refresh();
    expect(language.language).toBe('en');
    expect(heard).toEqual(['mwtokens zeigen']);
  });

  it('reads one after another: a slow earlier read does not overwrite a newer one', async () => {
    const answers: ((value: Language) => void)[] = [];
    const language = new AppLanguage({
      readSetting: () => new Promise<Language>((resolve) => answers.push(resolve)),
      systemLocale: () => 'en-US',
    });
    const first = language.refresh();
    const second = language.refresh();
    await Promise.resolve();
    expect(answers).toHaveLength(1); // the second read waits for the first
    answers[0]?.('de');
    await first;
    answers[1]?.('en');
    await second;
    expect(language.language).toBe('en');
  });
});
