import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { ErrorView, TokenRow } from '../../../app/contract';
import { TOKEN_DESCRIPTION_MAX } from '../../../app/contract-names';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { showToast } from '../toasts';
import { validateDescription } from './CreateTokenDialog';
import { ErrorMessage } from './ErrorMessage';
import { ModalDialog } from './ModalDialog';
import { ExpiryField, expiryFrom, type ExpiryChoice } from './V2TokenFields';

/**
 * A v2 token's description and expiry (`tokens:update`). Roles cannot change on the server:
 * they are named, with what to do instead. Only what changed is sent.
 */
export function EditTokenDialog({ row, onClose }: { row: TokenRow; onClose: () => void }) {
  const [description, setDescription] = useState(row.description);
  const [expiry, setExpiry] = useState<ExpiryChoice>('keep');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const name = row.description || t('tokens.untitled');
  const roles = (row.roles ?? []).map((role) => t(`roles.${role}`)).join(', ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (validateDescription(description)) return;
    const trimmed = description.trim();
    const expiresAt = expiryFrom(expiry, Date.now());
    if (trimmed === row.description && expiresAt === undefined) {
      onClose();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await call('tokens:update', {
        uuid: row.uuid,
        ...(trimmed !== row.description ? { description: trimmed } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      });
      showToast({ title: { key: 'edit.done', params: { description: saved.description } } });
      onClose();
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      isOpen
      onClose={() => !busy && onClose()}
      title={t('edit.title', { description: name })}
      dismissable={!busy}
    >
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
          <FieldError />
        </TextField>
        <ExpiryField value={expiry} onChange={setExpiry} current={row.expiresAt ?? null} />
        {roles && (
          <Text elementType="p" className="hint">
            {t('edit.roles', { roles })}
          </Text>
        )}
        <ErrorMessage error={error} />
        <div className="actions">
          <Button onPress={onClose} isDisabled={busy}>
            {t('edit.cancel')}
          </Button>
          <Button type="submit" className="primary" isDisabled={busy}>
            {busy && <span className="spinner" aria-hidden />}
            {busy ? t('edit.working') : t('edit.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
