import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('German and English have exactly the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every string is filled and keeps the same placeholders', () => {
    for (const [key, english] of Object.entries(en)) {
      const german = de[key as keyof typeof en];
      expect(german.trim().length, key).toBeGreaterThan(0);
      expect(placeholders(german), key).toEqual(placeholders(english));
    }
  });

  it('German is actually translated, apart from words both languages share', () => {
    const same = Object.keys(en).filter(
      (key) => de[key as keyof typeof en] === en[key as keyof typeof en],
    );
    // Product names, units and loanwords that German uses as they are.
    expect(same.sort()).toEqual([
      'api.label',
      'api.v1',
      'api.v2',
      'app.name',
      'format.raw',
      'mfa.code',
      'mfa.pin',
      'server.label',
      'settings.language.de',
      'settings.language.en',
      'settings.seconds',
      'tokens.column.secret',
    ]);
  });
});
