import type { ProfileView } from '../../../app/contract';
import { t } from '../i18n/i18n';
import { profileLabels } from '../profile-names';
import { LightSelect } from './LightSelect';

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
    <LightSelect
      label={label ?? t('profile.label')}
      value={selected}
      placeholder={t('profile.choose')}
      onChange={onChange}
      options={[
        ...profiles.map((profile) => ({
          id: profile.id,
          label: labels.get(profile.id) ?? profile.name,
        })),
        ...(allowNew ? [{ id: NEW_PROFILE, label: t('profile.new') }] : []),
      ]}
    />
  );
}
