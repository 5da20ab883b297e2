/** Looks up and fills strings, and formats dates and durations with Intl. */
import { en, type MessageKey, type Messages } from './en';

export type Params = Record<string, string | number>;

let messages: Messages = en;
let locale = 'en';

export function setLocale(next: string, table: Messages): void {
  locale = next;
  messages = table;
}

export function currentLocale(): string {
  return locale;
}

export function t(key: MessageKey, params: Params = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Intl formatters are costly to make (a table row would make two): one per locale and kind. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  make: () => T,
): T {
  const key = `${locale} ${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found as T;
}

export function formatTime(ms: number): string {
  return formatter(
    'time',
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
  ).format(ms);
}

export function formatDateTime(ms: number): string {
  return formatter(
    'datetime',
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 days ago", "in 4 minutes" in the current locale. */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now;
  const format = formatter(
    'relative',
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second')
      return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}

/** How long ago something happened: never a future time (the server's clock may be ahead). */
export function formatAgo(ms: number, now: number): string {
  if (now - ms < 45_000) return t('time.justNow');
  return formatRelative(ms, now);
}

/** A countdown such as 14:05 (minutes:seconds), or 1:02:03 past an hour. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
