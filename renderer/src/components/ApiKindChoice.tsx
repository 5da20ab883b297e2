import type { ApiKind } from '../../../app/contract';
import { t } from '../i18n/i18n';
import { RadioCards } from './RadioCards';

/** Which API a new profile speaks: the customer centre's v1, or mStudio's v2. */
export function ApiKindChoice({
  value,
  onChange,
}: {
  value: ApiKind;
  onChange: (api: ApiKind) => void;
}) {
  return (
    <RadioCards
      label={t('api.label')}
      value={value}
      onChange={onChange}
      options={(['v1', 'v2'] as const).map((api) => ({
        value: api,
        title: t(`api.${api}`),
        hint: t(`api.${api}.hint`),
      }))}
    />
  );
}
