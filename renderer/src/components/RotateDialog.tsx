import { CheckCircle2 } from 'lucide-react';
import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type { CopyFormat, ErrorView, RotationResult, TokenRow } from '../../../app/contract';
import { call, errorView } from '../bridge';
import { FORMATS } from '../copy';
import { t } from '../i18n/i18n';
import { showToast } from '../toasts';
import { describeError } from './ErrorMessage';
import { ModalDialog } from './ModalDialog';

type Step =
  | { kind: 'choose' }
  | { kind: 'rotated'; result: RotationResult; format: CopyFormat }
  | { kind: 'confirm'; result: RotationResult; format: CopyFormat };

/**
 * Rotation in one flow: choose how to copy, create the replacement (copied, held here), then
 * retire the old token now (confirmed) or later. The service keeps both listed whatever fails,
 * so an error here is said and nothing is lost.
 */
export function RotateDialog({
  target,
  onClose,
  onRotated,
}: {
  target: TokenRow;
  onClose: () => void;
  /** The replacement, once made (the list highlights it). */
  onRotated?: (replacement: TokenRow) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [format, setFormat] = useState<CopyFormat>('raw');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>();
  const name = target.description || t('tokens.untitled');
  // Only a v1 access token has a sign-in exchange; a v2 token (it carries roles) is the bearer.
  const formats = FORMATS.filter((option) => option !== 'signin' || target.roles === undefined);

  const close = () => {
    if (busy) return;
    if (step.kind !== 'choose') {
      showToast({ title: { key: 'rotate.keptForLater' } });
      // The Rotate button that opened the dialog is gone (the row now offers Retire).
      focusInRow(target.uuid, '.retire');
    }
    onClose();
  };

  const rotate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await call('tokens:rotate', { uuid: target.uuid, format });
      setStep({ kind: 'rotated', result, format });
      onRotated?.(result.replacement);
    } catch (caught) {
      setError(errorView(caught));
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await call('tokens:revoke', { uuid: target.uuid });
      if (outcome.outcome === 'revoked' || outcome.outcome === 'not_found') {
        setBusy(false);
        showToast({ title: { key: 'rotate.retired' } });
        if (step.kind !== 'choose') focusInRow(step.result.replacement.uuid, 'input');
        onClose();
        return;
      }
      setError({ kind: 'server', message: outcome.message ?? outcome.outcome });
    } catch (caught) {
      setError(errorView(caught));
    }
    setBusy(false);
  };

  return (
    <ModalDialog
      isOpen
      onClose={close}
      title={t('rotate.title', { description: name })}
      dismissable={!busy}
      role={step.kind === 'confirm' ? 'alertdialog' : 'dialog'}
    >
      {step.kind === 'choose' && (
        <>
          <p>{t('rotate.intro')}</p>
          <RadioGroup
            className="radio-group"
            value={format}
            onChange={(value) => setFormat(value as CopyFormat)}
            isDisabled={busy}
          >
            <Label>{t('rotate.format')}</Label>
            {formats.map((option) => (
              <Radio key={option} value={option} className="radio">
                <span className="dot" aria-hidden />
                {t(`format.${option}`)}
              </Radio>
            ))}
          </RadioGroup>
          {error && (
            <div role="alert" className="alert">
              <p>{t('rotate.failed')}</p>
              <ErrorLine error={error} />
            </div>
          )}
          <div className="actions">
            <Button onPress={close} isDisabled={busy}>
              {t('rotate.cancel')}
            </Button>
            <Button className="primary" onPress={() => void rotate()} isDisabled={busy} autoFocus>
              {busy && <span className="spinner" aria-hidden />}
              {busy ? t('rotate.working') : t('rotate.submit')}
            </Button>
          </div>
        </>
      )}
      {step.kind === 'rotated' && (
        <>
          <div role="status" className="rotate-done">
            <CheckCircle2 size={18} aria-hidden className="ok-icon" />
            <p>
              {t('rotate.done', {
                description: step.result.replacement.description || name,
                format: t(`format.${step.format}`),
              })}
            </p>
          </div>
          <p>{t('rotate.next')}</p>
          <div className="actions">
            <Button onPress={close} autoFocus>
              {t('rotate.later')}
            </Button>
            <Button
              className="danger"
              onPress={() => setStep({ kind: 'confirm', result: step.result, format: step.format })}
            >
              {t('rotate.retireNow')}
            </Button>
          </div>
        </>
      )}
      {step.kind === 'confirm' && (
        <>
          <p>{t('rotate.confirm')}</p>
          {error && (
            <div role="alert" className="alert">
              <p>{t('rotate.retireFailed')}</p>
              <ErrorLine error={error} />
            </div>
          )}
          <div className="actions">
            <Button
              onPress={() => {
                setError(undefined);
                setStep({ kind: 'rotated', result: step.result, format: step.format });
              }}
              isDisabled={busy}
              autoFocus
            >
              {t('rotate.back')}
            </Button>
            {error && (
              <Button onPress={close} isDisabled={busy}>
                {t('rotate.later')}
              </Button>
            )}
            <Button className="danger" onPress={() => void retire()} isDisabled={busy}>
              {busy && <span className="spinner" aria-hidden />}
              {busy ? t('revoke.working') : t('rotate.confirmRevoke')}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

/**
 * Puts focus back in the list once the dialog has closed, when the control that opened it is
 * gone: a row's control, found by the row's UUID, after the dialog's own focus restore.
 */
function focusInRow(uuid: string, selector: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      document
        .querySelector(`[data-uuid="${CSS.escape(uuid)}"]`)
        ?.querySelector<HTMLElement>(selector)
        ?.focus();
    }),
  );
}

/** The cause under a step's outcome, in the app's words for each error kind. */
function ErrorLine({ error }: { error: ErrorView }) {
  return <p className="hint">{describeError(error)}</p>;
}
