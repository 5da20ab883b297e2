import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { ApiKind } from '../../../app/contract';
import { t } from '../i18n/i18n';

/** Which API a new profile speaks: the customer centre's v1, or mStudio's v2. */
export function ApiKindChoice({
  value,
  onChange,
}: {
  value: ApiKind;
  onChange: (api: ApiKind) => void;
}) {
  return (
    <RadioGroup
      className="radio-group"
      value={value}
      onChange={(next) => onChange(next as ApiKind)}
    >
      <Label>{t('api.label')}</Label>
      {(['v1', 'v2'] as const).map((api) => (
        <Radio key={api} value={api} className="radio">
          <span className="dot" aria-hidden />
          <span>
            <strong>{t(`api.${api}`)}</strong>
            <Text slot="description" className="hint" elementType="div">
              {t(`api.${api}.hint`)}
            </Text>
          </span>
        </Radio>
      ))}
    </RadioGroup>
  );
}
