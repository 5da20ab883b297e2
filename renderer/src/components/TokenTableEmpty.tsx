import { KeyRound, Plus } from 'lucide-react';
import { Button } from 'react-aria-components';
import { t } from '../i18n/i18n';

/** What the table says when it shows no row, and the way on from there. */
export function TokenTableEmpty({
  loaded,
  total,
  filtered,
  query,
  onNew,
  onShowAll,
  onClearSearch,
}: {
  loaded: boolean;
  /** Tokens in the list before searching and filtering. */
  total: number;
  /** A filter other than "all" is on. */
  filtered: boolean;
  query: string;
  onNew: () => void;
  onShowAll: () => void;
  onClearSearch: () => void;
}) {
  if (!loaded) return <p>{t('app.loading')}</p>;
  if (total === 0)
    return (
      <>
        <KeyRound size={20} aria-hidden />
        <p>{t('tokens.empty')}</p>
        <Button className="primary" onPress={onNew}>
          <Plus size={16} aria-hidden />
          {t('tokens.new')}
        </Button>
      </>
    );
  if (filtered && query === '')
    return (
      <>
        <p>{t('filter.none')}</p>
        <Button onPress={onShowAll}>{t('filter.showAll')}</Button>
      </>
    );
  return (
    <>
      <p>{t('tokens.noMatch', { query })}</p>
      <Button onPress={onClearSearch}>{t('tokens.clearSearch')}</Button>
    </>
  );
}
