import { ChevronDown } from 'lucide-react';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import type { ProfileView } from '../../../app/contract';
import { t } from '../i18n/i18n';

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
  return (
    <Select
      className="field"
      selectedKey={selected ?? null}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
    >
      <Label>{label ?? t('profile.label')}</Label>
      <Button className="select-button">
        <SelectValue />
        <ChevronDown size={16} aria-hidden />
      </Button>
      <Popover className="popover">
        <ListBox className="list-box">
          {profiles.map((profile) => (
            <ListBoxItem
              key={profile.id}
              id={profile.id}
              className="menu-item"
              textValue={profile.name}
            >
              {profile.name}
              {profile.username && <span className="hint"> · {profile.username}</span>}
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
