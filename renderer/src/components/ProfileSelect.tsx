import { Label, ListBox, ListBoxItem, Popover, Select } from 'react-aria-components';
import type { ProfileView } from '../../../app/contract';
import { t } from '../i18n/i18n';
import { profileLabels } from '../profile-names';
import { SelectButton } from './SelectButton';

export const NEW_PROFILE = '__new__';

export function ProfileSelect({
  profiles,
  selected,
  onChange,
  allowNew = false,
  label,
}: {
  profiles: ProfileView[];
  selected: string | undefined;
  onChange: (id: string) => void;
  label?: string;
  allowNew?: boolean;
}) {
  const labels = profileLabels(profiles);
  return (
    <Select
      className="field"
      selectedKey={selected ?? null}
      placeholder={t('profile.choose')}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
    >
      <Label>{label ?? t('profile.label')}</Label>
      <SelectButton />
      <Popover className="popover">
        <ListBox className="list-box">
          {profiles.map((profile) => (
            <ListBoxItem
              key={profile.id}
              id={profile.id}
              className="menu-item"
              textValue={labels.get(profile.id)}
            >
              {labels.get(profile.id)}
            </ListBoxItem>
          ))}
          {allowNew && (
            <ListBoxItem id={NEW_PROFILE} className="menu-item">
              {t('profile.new')}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
