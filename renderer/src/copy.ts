import type { CopyFormat, CopyReceipt } from '../../app/contract';
import { call, errorView } from './bridge';
import { describeError } from './components/ErrorMessage';
import { formatTime, t } from './i18n/i18n';
import { showToast } from './toasts';

export const FORMATS: readonly CopyFormat[] = ['raw', 'header', 'curl', 'export'];

function announce(receipt: CopyReceipt): void {
  showToast(
    {
      title: t('copy.done', { what: receipt.copied }),
      description:
        receipt.expiresAt === undefined
          ? undefined
          : t('copy.expires', { time: formatTime(receipt.expiresAt) }),
      countdownTo: receipt.clearsAt,
    },
    Math.max(4000, Math.min(receipt.clearsAt - Date.now(), 60_000)),
  );
}

function fail(error: unknown): void {
  showToast({ title: describeError(errorView(error)) }, 8000);
}

export async function copyToken(uuid: string, format: CopyFormat): Promise<void> {
  try {
    announce(await call('clipboard:copyToken', { uuid, format }));
  } catch (error) {
    fail(error);
  }
}

export async function copyApiToken(format: CopyFormat): Promise<void> {
  try {
    announce(await call('clipboard:copyApiToken', { format }));
  } catch (error) {
    fail(error);
  }
}
