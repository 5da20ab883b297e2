import { Check } from 'lucide-react';
import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import type { ApiTokenRole } from '../../../app/contract';
import { API_TOKEN_ROLES } from '../../../app/contract-names';
import { formatDateTime, t } from '../i18n/i18n';
import { EXPIRY_DAYS, type ExpiryChoice } from '../expiry';
import { LightSelect } from './LightSelect';

export { DEFAULT_EXPIRY, EXPIRY_DAYS, expiryFrom, type ExpiryChoice } from '../expiry';

/** The roles of a v2 API token: at least one; both by default. */
export function RolesField({
  value,
  onChange,
}: {
  value: ApiTokenRole[];
  onChange: (roles: ApiTokenRole[]) => void;
}) {
  return (
    <CheckboxGroup
      className="field roles-field"
      value={value}
      onChange={(next) => onChange(next as ApiTokenRole[])}
      isRequired
      isInvalid={value.length === 0}
    >
      <Label>{t('roles.label')}</Label>
      <div className="roles-options">
        {API_TOKEN_ROLES.map((role) => (
          <Checkbox key={role} value={role} className="checkbox">
            {({ isSelected }) => (
              <>
                <span className="box" aria-hidden>
                  {isSelected && <Check size={12} />}
                </span>
                <span>
                  {t(`roles.${role}`)} <span className="hint">({t(`roles.${role}.hint`)})</span>
                </span>
              </>
            )}
          </Checkbox>
        ))}
      </div>
      <FieldError>{t('roles.required')}</FieldError>
    </CheckboxGroup>
  );
}

/** When a v2 API token expires: a choice of lifetimes, never, or (editing) unchanged. */
export function ExpiryField({
  value,
  onChange,
  current,
  allowNever = true,
}: {
  value: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  /** Editing: the token's expiry now (null: never), offered as "unchanged". */
  current?: number | null;
  allowNever?: boolean;
}) {
  const options: { id: ExpiryChoice; label: string }[] = [
    ...(current !== undefined
      ? [
          {
            id: 'keep' as const,
            label: t('expiry.keep', {
              date: current === null ? t('expiry.never') : formatDateTime(current),
            }),
          },
        ]
      : []),
    ...EXPIRY_DAYS.map((days) => ({
      id: `days-${days}` as ExpiryChoice,
      label: t('expiry.days', { days }),
    })),
    ...(allowNever ? [{ id: 'never' as const, label: t('expiry.never') }] : []),
  ];
  return (
    <LightSelect
      label={t('expiry.label')}
      value={value}
      onChange={onChange}
      options={options}
      description={value === 'never' ? t('expiry.neverHint') : undefined}
    />
  );
}

/** This device's own API token, asked for at a v2 sign-in: roles and lifetime. */
export function DeviceTokenFields({
  roles,
  onRolesChange,
  expiry,
  onExpiryChange,
}: {
  roles: ApiTokenRole[];
  onRolesChange: (roles: ApiTokenRole[]) => void;
  expiry: ExpiryChoice;
  onExpiryChange: (choice: ExpiryChoice) => void;
}) {
  return (
    <fieldset className="device-token">
      <legend>{t('device.legend')}</legend>
      <p className="hint">{t('device.hint')}</p>
      <RolesField value={roles} onChange={onRolesChange} />
      <ExpiryField value={expiry} onChange={onExpiryChange} allowNever={false} />
    </fieldset>
  );
}
