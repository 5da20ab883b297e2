import type { Settings } from '../../app/contract';
import { en } from './i18n/en';
import { setLocale } from './i18n/i18n';

export type Locale = 'en' | 'de';

/** The settings this window uses itself; the host may keep more. */
export type UiSettings = Pick<
  Settings,
  | 'clipboardClearSeconds'
  | 'oldTokenDays'
  | 'expiringSoonDays'
  | 'theme'
  | 'language'
  | 'defaultProfileId'
>;

/** Used when the host cannot answer: nothing is assumed beyond the defaults. */
export const FALLBACK_SETTINGS: UiSettings = {
  clipboardClearSeconds: 30,
  oldTokenDays: 180,
  expiringSoonDays: 14,
  theme: 'system',
  language: 'system',
  defaultProfileId: undefined,
};

/** The language setting, resolved: "system" follows the browser's (the OS's) language. */
export function localeFor(
  language: Settings['language'],
  systemLanguage = navigator.language,
): Locale {
  if (language !== 'system') return language;
  return systemLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * Applies language and theme to the document; strings are read anew on the next render. German
 * is loaded when first chosen: an English window does not carry it.
 */
export async function applySettings(settings: UiSettings): Promise<Locale> {
  const locale = localeFor(settings.language);
  setLocale(locale, locale === 'de' ? (await import('./i18n/de')).de : en);
  document.documentElement.lang = locale;
  if (settings.theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
  return locale;
}
