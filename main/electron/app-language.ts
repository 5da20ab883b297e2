/**
 * The language main speaks in, following the app's setting: read at start, read again on
 * every `settings:changed` event, and 'system' → `app.getLocale()`.
 */
import type { Settings } from '../../app/contract';
import { resolveLanguage, translator, type MainLanguage, type Translate } from './locale';

export interface LanguageSource {
  /** The stored setting; a failed read counts as 'system'. */
  readSetting(): Promise<Settings['language']>;
  /** Electron's `app.getLocale()`. */
  systemLocale(): string;
}

export class AppLanguage {
  private current: MainLanguage;
  private readonly listeners = new Set<(t: Translate) => void>();
  /** Reads run one after another, so a late answer never overwrites a newer one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly source: LanguageSource) {
    this.current = resolveLanguage('system', source.systemLocale());
  }

  get language(): MainLanguage {
    return this.current;
  }

  get t(): Translate {
    return translator(this.current);
  }

  /** Called with the new translator each time the language changes. */
  onChange(listener: (t: Translate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  refresh(): Promise<void> {
    this.queue = this.queue.then(async () => {
      const setting = await this.source.readSetting().catch(() => 'system' as const);
      const next = resolveLanguage(setting, this.source.systemLocale());
      if (next === this.current) return;
      this.current = next;
      const t = translator(next);
      for (const listener of this.listeners) listener(t);
    });
    return this.queue;
  }
}
