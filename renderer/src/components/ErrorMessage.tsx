import type { ErrorView } from '../../../app/contract';
import { formatTime, t } from '../i18n/i18n';

/** A person's sentence for every error kind; the switch is exhaustive over the contract. */
export function describeError(error: ErrorView): string {
  switch (error.kind) {
    case 'rate_limited':
      return t('error.rate_limited', {
        time: error.resetAt === undefined ? '?' : formatTime(error.resetAt),
      });
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
    case 'rejected':
    case 'server':
    case 'network':
    case 'timeout':
    case 'bad_response':
    case 'not_signed_in':
    case 'secret_not_held':
    case 'internal':
      return t(`error.${error.kind}`);
    // The service's own message says exactly what was wrong or what to do.
    case 'invalid_input':
    case 'confirmation_required':
    case 'storage_refused':
    case 'storage_failed':
    case 'vault_unreadable':
      return error.message;
  }
}

export function ErrorMessage({ error }: { error: ErrorView | undefined }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert">
      {describeError(error)}
    </div>
  );
}
