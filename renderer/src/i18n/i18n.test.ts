import { afterEach, describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { formatAgo, formatCountdown, formatRelative, setLocale, t } from './i18n';

afterEach(() => setLocale('en', en));
const DAY = 24 * 3600_000;

describe('formatting with Intl', () => {
  it('says relative times in the chosen language', () => {
    const now = Date.UTC(2026, 10, 28, 12);
    expect(formatRelative(now - 3 * DAY, now)).toBe('3 days ago');
    expect(formatRelative(now + 4 * 60_000, now)).toBe('in 4 minutes');
    setLocale('de', de);
    expect(formatRelative(now - 3 * DAY, now)).toBe('vor 3 Tagen');
    expect(t('gauge.resets', { when: formatRelative(now + 4 * 60_000, now) })).toBe(
      'wird in 4 Minuten zurückgesetzt',
    );
  });

  it('never says a creation time is in the future: the server clock may be ahead', () => {
    const now = Date.UTC(2026, 10, 28, 12);
    expect(formatAgo(now + 1_000, now)).toBe('just now');
    expect(formatAgo(now + 10 * 60_000, now)).toBe('just now');
    expect(formatAgo(now - 20_000, now)).toBe('just now');
    expect(formatAgo(now - 3 * DAY, now)).toBe('3 days ago');
    setLocale('de', de);
    expect(formatAgo(now + 1_000, now)).toBe('gerade eben');
  });

  it('counts down as m:ss, and h:mm:ss past an hour', () => {
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe('4:05');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('tokens.count', { shown: 1, total: 2 })).toBe('1 of 2 tokens');
    expect(t('tokens.count', { shown: 1 })).toBe('1 of {total} tokens');
  });
});
