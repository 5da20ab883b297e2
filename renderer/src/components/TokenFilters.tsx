import { t } from '../i18n/i18n';
import { TOKEN_FILTERS, type TokenFilter } from '../token-filters';
import { LightSelect } from './LightSelect';

/** Which tokens the list shows: all, by where the secret is, this device's, old, to retire. */
export function TokenFilters({
  value,
  onChange,
  oldTokenDays,
}: {
  value: TokenFilter;
  onChange: (filter: TokenFilter) => void;
  oldTokenDays: number;
}) {
  return (
    <LightSelect
      className="filter"
      label={t('filter.label')}
      value={value}
      onChange={onChange}
      options={TOKEN_FILTERS.map((filter) => ({
        id: filter,
        label: t(`filter.${filter}`, { days: oldTokenDays }),
      }))}
    />
  );
}
