import { Search, X } from 'lucide-react';
import type { Ref } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { t } from '../i18n/i18n';

/**
 * The search over the list. Escape clears it (react-aria) and, once empty, leaves it; ArrowDown
 * goes on to the rows.
 */
export function TokenSearch({
  query,
  onQuery,
  onLeave,
  inputRef,
}: {
  query: string;
  onQuery: (query: string) => void;
  /** Moves focus on to the table. */
  onLeave: () => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  return (
    <SearchField
      className="field search"
      value={query}
      onChange={(value) => {
        performance.mark('mwtokens:search-input');
        onQuery(value);
      }}
      onKeyDown={(event) => {
        if ((event.key === 'Escape' && query === '') || event.key === 'ArrowDown') {
          event.preventDefault();
          onLeave();
        } else event.continuePropagation();
      }}
    >
      <Label>{t('tokens.search')}</Label>
      <div className="input-with-button">
        <Search size={16} aria-hidden className="input-icon" />
        <Input ref={inputRef} placeholder={t('tokens.searchPlaceholder')} aria-keyshortcuts="/" />
        {query !== '' && (
          <Button className="quiet icon" aria-label={t('tokens.clearSearch')}>
            <X size={14} aria-hidden />
          </Button>
        )}
      </div>
    </SearchField>
  );
}
