import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import type { ErrorView, RevokeOutcome, TokenRow } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { t } from '../i18n/i18n';
import { ModalDialog } from './ModalDialog';
import { showToast } from '../toasts';
import { ErrorMessage } from './ErrorMessage';
import type { ToastMessage } from '../toasts';

/** Names what will stop working; this device's own sign-in token needs one more confirmation. */
export function RevokeDialog({
  targets,
  onClose,
  onDone,
}: {
  targets: TokenRow[] | undefined;
  onClose: () => void;
  onDone: (outcomes: RevokeOutcome[]) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [confirmOwn, setConfirmOwn] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const includesOwn = targets?.some((row) => row.isThisDevice) ?? false;
  const single = targets?.length === 1 ? targets[0] : undefined;

  const close = () => {
    if (busy) return;
    setConfirmOwn(false);
    setError(undefined);
    onClose();
  };

  const revoke = async () => {
    if (!targets) return;
    setBusy(true);
    setError(undefined);
    try {
      const uuids = targets.map((row) => row.uuid);
      const outcomes = single
        ? [await call('tokens:revoke', { uuid: single.uuid, confirmOwnSignIn: confirmOwn })]
        : await call('tokens:revokeMany', { uuids, confirmOwnSignIn: confirmOwn });
      showToast(revokeSummary(targets, outcomes));
      setBusy(false);
      setConfirmOwn(false);
      onDone(outcomes);
    } catch (caught) {
      setError(errorView(caught));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      isOpen={targets !== undefined}
      onClose={close}
      title={
        single
          ? t('revoke.titleOne', { description: single.description || t('tokens.untitled') })
          : t('revoke.title')
      }
      dismissable={!busy}
      role="alertdialog"
    >
      <p>{single ? t('revoke.bodyOne') : t('revoke.body')}</p>
      {!single && (
        <ul aria-label={t('revoke.list')}>
          {targets?.map((row) => (
            <li key={row.uuid}>{row.description || t('tokens.untitled')}</li>
          ))}
        </ul>
      )}
      {includesOwn && (
        <div className="alert warn">
          <p>{t('revoke.ownWarning')}</p>
          <Checkbox className="checkbox" isSelected={confirmOwn} onChange={setConfirmOwn}>
            <span className="box" aria-hidden>
              {confirmOwn ? '✓' : ''}
            </span>
            &nbsp;{t('revoke.ownConfirm')}
          </Checkbox>
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <Button onPress={close} isDisabled={busy} autoFocus>
          {t('revoke.cancel')}
        </Button>
        <Button
          className="danger"
          onPress={() => void revoke()}
          isDisabled={busy || (includesOwn && !confirmOwn)}
        >
          {busy && <span className="spinner" aria-hidden />}
          {busy
            ? t('revoke.working')
            : single
              ? t('revoke.submit')
              : t('revoke.submitMany', { count: targets?.length ?? 0 })}
        </Button>
      </div>
    </ModalDialog>
  );
}

/** Names the token when there is one; says what failed when something did. */
export function revokeSummary(targets: TokenRow[], outcomes: RevokeOutcome[]): ToastMessage {
  const gone = outcomes.filter((o) => o.outcome === 'revoked' || o.outcome === 'not_found');
  const problem = outcomes.find((o) => o.message)?.message;
  const description = problem === undefined ? undefined : { text: problem };
  const nameOf = (uuid: string | undefined) => {
    const row = targets.find((target) => target.uuid === uuid);
    return row?.description || t('tokens.untitled');
  };
  if (gone.length === outcomes.length)
    return gone.length === 1
      ? { title: { key: 'revoke.doneOne', params: { description: nameOf(gone[0]?.uuid) } } }
      : { title: { key: 'revoke.doneMany', params: { count: gone.length } } };
  if (outcomes.length === 1)
    return {
      title: { key: 'revoke.failedOne', params: { description: nameOf(outcomes[0]?.uuid) } },
      description,
    };
  return {
    title: {
      key: 'revoke.partly',
      params: { revoked: gone.length, total: outcomes.length },
    },
    description,
  };
}
