import type { CopyFormat } from '../../app/contract';
import { COPY_FORMATS } from '../../app/contract-names';
import { call, errorView } from './bridge';
import { showToast } from './toasts';

export const FORMATS: readonly CopyFormat[] = COPY_FORMATS;

function fail(error: unknown): void {
  showToast({ title: { error: errorView(error) } }, 8000);
}

export async function copyToken(uuid: string, format: CopyFormat): Promise<void> {
  try {
    await call('clipboard:copyToken', { uuid, format });
  } catch (error) {
    fail(error);
  }
}

export async function copyApiToken(format: CopyFormat): Promise<void> {
  try {
    await call('clipboard:copyApiToken', { format });
  } catch (error) {
    fail(error);
  }
}
