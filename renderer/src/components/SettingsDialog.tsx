import {
  Button,
  Group,
  Input,
  Label,
  ListBox,
  NumberField,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
} from 'react-aria-components';
import type { ProfilesView, Settings } from '../../../app/contract';
import { LANGUAGES, THEMES } from '../../../app/contract-names';
import { call } from '../bridge';
import { t } from '../i18n/i18n';
import type { UiSettings } from '../preferences';
import { ModalDialog } from './ModalDialog';
import { ProfileSelect } from './ProfileSelect';
import { SelectButton } from './SelectButton';
import { profileLabels } from '../profile-names';

const CLEAR_AFTER_SECONDS = [10, 15, 30, 45, 60, 120, 300];

interface Props {
  isOpen: boolean;
  onClose: () => void;
  settings: UiSettings;
  onChange: (
    patch: Partial<Omit<Settings, 'defaultProfileId'>> & { defaultProfileId?: string | null },
  ) => void;
  profiles: ProfilesView | undefined;
}

/** Every setting is saved as it changes; nothing to confirm, nothing to lose. */
export function SettingsDialog({ isOpen, onClose, settings, onChange, profiles }: Props) {
  const labels = profileLabels(profiles?.profiles ?? []);
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={t('settings.title')}>
      <Select
        className="field"
        selectedKey={settings.clipboardClearSeconds}
        onSelectionChange={(key) =>
          key !== null && onChange({ clipboardClearSeconds: Number(key) })
        }
      >
        <Label>{t('settings.clipboard')}</Label>
        <SelectButton />
        <Text slot="description">{t('settings.clipboardHint')}</Text>
        <Popover className="popover">
          <ListBox className="list-box">
            {[...new Set([...CLEAR_AFTER_SECONDS, settings.clipboardClearSeconds])]
              .sort((x, y) => x - y)
              .map((seconds) => (
                <ListBoxItem key={seconds} id={seconds} className="menu-item">
                  {t('settings.seconds', { seconds })}
                </ListBoxItem>
              ))}
          </ListBox>
        </Popover>
      </Select>
      <NumberField
        className="field number"
        value={settings.oldTokenDays}
        minValue={1}
        maxValue={3650}
        step={1}
        formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        onChange={(days) => {
          if (Number.isInteger(days) && days !== settings.oldTokenDays)
            onChange({ oldTokenDays: days });
        }}
      >
        <Label>{t('settings.oldTokenDays')}</Label>
        <Group className="number-group">
          <Input />
        </Group>
        <Text slot="description">{t('settings.oldTokenDaysHint')}</Text>
      </NumberField>
      <NumberField
        className="field number"
        value={settings.expiringSoonDays}
        minValue={1}
        maxValue={365}
        step={1}
        formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        onChange={(days) => {
          if (Number.isInteger(days) && days !== settings.expiringSoonDays)
            onChange({ expiringSoonDays: days });
        }}
      >
        <Label>{t('settings.expiringSoonDays')}</Label>
        <Group className="number-group">
          <Input />
        </Group>
        <Text slot="description">{t('settings.expiringSoonDaysHint')}</Text>
      </NumberField>
      <RadioGroup
        className="radio-group inline"
        value={settings.theme}
        onChange={(value) => onChange({ theme: value as Settings['theme'] })}
      >
        <Label>{t('settings.theme')}</Label>
        {THEMES.map((theme) => (
          <Radio key={theme} value={theme} className="radio">
            <span className="dot" aria-hidden />
            {t(`settings.theme.${theme}`)}
          </Radio>
        ))}
      </RadioGroup>
      <RadioGroup
        className="radio-group inline"
        value={settings.language}
        onChange={(value) => onChange({ language: value as Settings['language'] })}
      >
        <Label>{t('settings.language')}</Label>
        {LANGUAGES.map((language) => (
          <Radio key={language} value={language} className="radio">
            <span className="dot" aria-hidden />
            {t(`settings.language.${language}`)}
          </Radio>
        ))}
      </RadioGroup>
      {profiles && profiles.profiles.length > 0 && (
        <>
          <ProfileSelect
            label={t('settings.defaultProfile')}
            profiles={profiles.profiles}
            selected={settings.defaultProfileId}
            onChange={(id) => onChange({ defaultProfileId: id })}
          />
          <div className="field">
            <span className="label">{t('settings.weakStorage')}</span>
            <Text className="hint">{t('settings.weakStorageHint')}</Text>
            {profiles.profiles.map((profile) => (
              <Switch
                key={profile.id}
                className="switch"
                isSelected={profile.allowWeakStorage}
                onChange={(allow) =>
                  void call('profiles:allowWeakStorage', { profileId: profile.id, allow })
                }
              >
                <span className="track" aria-hidden>
                  <span className="thumb" />
                </span>
                {labels.get(profile.id)}
              </Switch>
            ))}
          </div>
        </>
      )}
      <div className="actions">
        <Button className="primary" onPress={onClose} autoFocus>
          {t('settings.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}
