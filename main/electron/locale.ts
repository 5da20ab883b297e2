/**
 * The main process's own words (menu, tray, notifications, dialogs) in English and German. The
 * renderer keeps its own table; main never imports it, so each side bundles only what it shows.
 */
import type { Settings } from '../../app/contract';

const en = {
  'menu.tokens': '&Tokens',
  'menu.newToken': 'New Token…',
  'menu.copyApiToken': 'Copy Fresh API Token',
  'menu.refresh': 'Refresh',
  'menu.search': 'Search',
  'menu.revokeSelected': 'Revoke Selected…',
  'menu.settings': 'Settings…',
  'menu.view': '&View',
  'menu.shortcuts': 'Keyboard Shortcuts',
  'menu.apiDocs': 'mittwald API Documentation',
  'tray.copyApiToken': 'Copy Fresh API Token',
  'tray.show': 'Show mwtokens',
  'tray.quit': 'Quit mwtokens',
  'tray.noLimits': 'No rate limits seen yet',
  'tray.limit': '{endpoint}: {remaining} of {limit} left',
  'notify.copied': 'Copied a fresh API token. The clipboard is cleared in {seconds} s.',
  'notify.lowLimitTitle': 'Rate limit running low',
  'notify.lowLimit': '{endpoint}: {remaining} of {limit} left in this 15-minute window.',
  'notify.renewTitle': 'This device’s mStudio token expires soon',
  'notify.renew': 'It expires {date}. Click to renew it now (a new token replaces it).',
  'notify.renewed': 'This device’s mStudio token was renewed.',
  'notify.renewFailed': 'The token could not be renewed: {message}',
  'notify.keptInTrayTitle': 'mwtokens is still running',
  'notify.keptInTray':
    'It stays in the tray so a fresh API token is one click away. Quit it there.',
  'dialog.startFailedTitle': 'mwtokens could not start',
  'dialog.startFailed': 'Start-up failed: {message}\n\nThe app will close now.',
  'dialog.storeMovedTitle': 'Settings file could not be read',
  'dialog.storeMoved':
    'The file {file} could not be read. It was kept as {kept}, and mwtokens started with defaults.',
  'dialog.rendererGoneTitle': 'The window stopped working',
  'dialog.rendererGone':
    'The window’s page stopped ({reason}) again after a reload. Your tokens and settings are safe.',
  'dialog.reload': 'Reload',
  'dialog.quit': 'Quit',
  'dialog.closeTitle': 'Keep mwtokens running in the tray?',
  'dialog.close':
    'In the tray, a fresh API token is one click away, and Quit is there too. If your desktop shows no tray icons (stock GNOME does not), choose Quit. Starting mwtokens again always brings the window back. You are asked this once.',
  'dialog.keepInTray': 'Keep running in the tray',
} as const;

export type MainMessageKey = keyof typeof en;
type Table = Record<MainMessageKey, string>;

const de: Table = {
  'menu.tokens': '&Tokens',
  'menu.newToken': 'Neues Token…',
  'menu.copyApiToken': 'Frisches API-Token kopieren',
  'menu.refresh': 'Aktualisieren',
  'menu.search': 'Suchen',
  'menu.revokeSelected': 'Auswahl widerrufen…',
  'menu.settings': 'Einstellungen…',
  'menu.view': '&Ansicht',
  'menu.shortcuts': 'Tastenkürzel',
  'menu.apiDocs': 'Dokumentation der mittwald-API',
  'tray.copyApiToken': 'Frisches API-Token kopieren',
  'tray.show': 'mwtokens zeigen',
  'tray.quit': 'mwtokens beenden',
  'tray.noLimits': 'Noch keine Ratenlimits gesehen',
  'tray.limit': '{endpoint}: {remaining} von {limit} übrig',
  'notify.copied': 'Frisches API-Token kopiert. Die Zwischenablage wird in {seconds} s geleert.',
  'notify.renewTitle': 'Das mStudio-Token dieses Geräts läuft bald ab',
  'notify.renew':
    'Es läuft {date} ab. Klicken, um es jetzt zu erneuern (ein neues Token ersetzt es).',
  'notify.renewed': 'Das mStudio-Token dieses Geräts wurde erneuert.',
  'notify.renewFailed': 'Das Token konnte nicht erneuert werden: {message}',
  'notify.lowLimitTitle': 'Ratenlimit fast erreicht',
  'notify.lowLimit': '{endpoint}: {remaining} von {limit} übrig in diesem 15-Minuten-Fenster.',
  'notify.keptInTrayTitle': 'mwtokens läuft weiter',
  'notify.keptInTray':
    'Es bleibt im Infobereich, damit ein frisches API-Token nur einen Klick entfernt ist. Dort lässt es sich beenden.',
  'dialog.startFailedTitle': 'mwtokens konnte nicht starten',
  'dialog.startFailed': 'Der Start ist fehlgeschlagen: {message}\n\nDie App wird jetzt beendet.',
  'dialog.storeMovedTitle': 'Einstellungsdatei nicht lesbar',
  'dialog.storeMoved':
    'Die Datei {file} war nicht lesbar. Sie wurde als {kept} aufbewahrt; mwtokens startete mit Standardwerten.',
  'dialog.rendererGoneTitle': 'Das Fenster funktioniert nicht mehr',
  'dialog.rendererGone':
    'Die Seite des Fensters ist nach einem Neuladen erneut beendet worden ({reason}). Tokens und Einstellungen sind sicher.',
  'dialog.reload': 'Neu laden',
  'dialog.quit': 'Beenden',
  'dialog.closeTitle': 'mwtokens im Infobereich weiterlaufen lassen?',
  'dialog.close':
    'Im Infobereich ist ein frisches API-Token nur einen Klick entfernt, und dort lässt sich mwtokens auch beenden. Zeigt Ihre Arbeitsumgebung keine Symbole im Infobereich (GNOME ohne Erweiterung zeigt keine), wählen Sie „Beenden“. Ein erneuter Start von mwtokens bringt das Fenster immer zurück. Diese Frage kommt nur einmal.',
  'dialog.keepInTray': 'Im Infobereich weiterlaufen',
};

export const MAIN_LOCALES = { en, de } as const satisfies Record<string, Table>;
export type MainLanguage = keyof typeof MAIN_LOCALES;

/** 'system' follows the OS locale (`app.getLocale()`, e.g. "de-AT"); anything not German is English. */
export function resolveLanguage(setting: Settings['language'], systemLocale: string): MainLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().split(/[-_]/)[0] === 'de' ? 'de' : 'en';
}

export type Translate = (key: MainMessageKey, values?: Record<string, string | number>) => string;

export function translator(language: MainLanguage): Translate {
  const table: Table = MAIN_LOCALES[language];
  return (key, values = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}
