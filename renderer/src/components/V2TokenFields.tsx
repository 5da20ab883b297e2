import { Check } from 'lucide-react';
import {
  Checkbox,
  CheckboxGroup,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  Text,
} from 'react-aria-components';
import type { ApiTokenRole } from '../../../app/contract';
import { API_TOKEN_ROLES } from '../../../app/contract-names';
import { formatDateTime, t } from '../i18n/i18n';
import { SelectButton } from './SelectButton';

const DAY = 24 * 3600_000;
/** Lifetimes offered; 90 days is the service's default for this device's token. */
export const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY = 'days-90';
/** `days-N`, `never`, or `keep` (the edit dialog: leave the expiry as it is). */
export type ExpiryChoice = `days-${number}` | 'never' | 'keep';

/** The epoch ms an expiry choice stands for: undefined for "keep", null for "never". */
export function expiryFrom(choice: ExpiryChoice, now: number): number | null | undefined {
  if (choice === 'keep') return undefined;
  if (choice === 'never') return null;
  return now + Number(choice.slice('days-'.length)) * DAY;
}

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
    <Select
      className="field"
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(key as ExpiryChoice)}
    >
      <Label>{t('expiry.label')}</Label>
      <SelectButton />
      {value === 'never' && <Text slot="description">{t('expiry.neverHint')}</Text>}
      <Popover className="popover">
        <ListBox className="list-box">
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className="menu-item">
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
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
