import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { ApiTokenRole, ErrorView, TokenRow } from '../../../app/contract';
import { API_TOKEN_ROLES, TOKEN_DESCRIPTION_MAX } from '../../../app/contract-names';
import {
  DEFAULT_EXPIRY,
  ExpiryField,
  expiryFrom,
  RolesField,
  type ExpiryChoice,
} from './V2TokenFields';
import { call, errorView } from '../bridge';
import { copyToken } from '../copy';
import { t } from '../i18n/i18n';
import { ModalDialog } from './ModalDialog';
import { CopyMenu } from './CopyMenu';
import { ErrorMessage } from './ErrorMessage';

export function validateDescription(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0) return t('create.descriptionRequired');
  if (trimmed.length > TOKEN_DESCRIPTION_MAX)
    return t('create.descriptionTooLong', { max: TOKEN_DESCRIPTION_MAX });
  return undefined;
}

/** Description in, progress while the server works, then the new token with a copy button. */
export function CreateTokenDialog({
  isOpen,
  onClose,
  onCreated,
  v2 = false,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (row: TokenRow) => void;
  /** mStudio (API v2): roles and expiry too. */
  v2?: boolean;
}) {
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const [created, setCreated] = useState<TokenRow>();
  const [roles, setRoles] = useState<ApiTokenRole[]>([...API_TOKEN_ROLES]);
  const [expiry, setExpiry] = useState<ExpiryChoice>(DEFAULT_EXPIRY);

  const close = () => {
    if (busy) return;
    setDescription('');
    setError(undefined);
    setCreated(undefined);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (validateDescription(description) || (v2 && roles.length === 0)) return;
    setBusy(true);
    setError(undefined);
    try {
      const row = await call('tokens:create', {
        description: description.trim(),
        ...(v2 ? { roles, expiresAt: expiryFrom(expiry, Date.now()) ?? undefined } : {}),
      });
      setCreated(row);
      onCreated(row);
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={close}
      title={v2 ? t('create.titleV2') : t('create.title')}
      dismissable={!busy}
    >
      {created ? (
        <>
          <p role="status">{t('create.done', { description: created.description })}</p>
          <div className="actions">
            <CopyMenu
              kind={v2 ? 'v2Token' : 'accessToken'}
              label={t('tokens.copyRow', { description: created.description })}
              onCopy={(format) => void copyToken(created.uuid, format)}
            >
              {t('create.copyNow')}
            </CopyMenu>
            <Button className="primary" onPress={close} autoFocus>
              {t('create.close')}
            </Button>
          </div>
        </>
      ) : (
        <Form onSubmit={(event) => void submit(event)} className="dialog" style={{ padding: 0 }}>
          <TextField
            className="field"
            value={description}
            onChange={setDescription}
            validate={validateDescription}
            isRequired
            autoFocus
            maxLength={TOKEN_DESCRIPTION_MAX + 50}
          >
            <Label>{t('create.description')}</Label>
            <Input />
            <Text slot="description">{t('create.descriptionHint')}</Text>
            <FieldError />
          </TextField>
          {v2 && (
            <>
              <RolesField value={roles} onChange={setRoles} />
              <ExpiryField value={expiry} onChange={setExpiry} />
            </>
          )}
          <ErrorMessage error={error} />
          <div className="actions">
            <Button onPress={close} isDisabled={busy}>
              {t('create.cancel')}
            </Button>
            <Button type="submit" className="primary" isDisabled={busy}>
              {busy && <span className="spinner" aria-hidden />}
              {busy ? t('create.working') : t('create.submit')}
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
