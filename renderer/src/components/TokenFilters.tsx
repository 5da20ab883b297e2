import { Label, ListBox, ListBoxItem, Popover, Select } from 'react-aria-components';
import { t } from '../i18n/i18n';
import { TOKEN_FILTERS, type TokenFilter } from '../token-filters';
import { SelectButton } from './SelectButton';

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
    <Select
      className="field filter"
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(key as TokenFilter)}
    >
      <Label>{t('filter.label')}</Label>
      <SelectButton />
      <Popover className="popover">
        <ListBox className="list-box">
          {TOKEN_FILTERS.map((filter) => (
            <ListBoxItem key={filter} id={filter} className="menu-item">
              {t(`filter.${filter}`, { days: oldTokenDays })}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
