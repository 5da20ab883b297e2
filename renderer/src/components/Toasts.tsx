import { X } from 'lucide-react';
import {
  Button,
  Text,
  type QueuedToast,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
  useLocale,
} from 'react-aria-components';
import { t } from '../i18n/i18n';
import { toastQueue, type Phrase, type ToastMessage } from '../toasts';
import { describeError } from './ErrorMessage';

function say(phrase: Phrase): string {
  if ('key' in phrase) return t(phrase.key, phrase.params);
  if ('error' in phrase) return describeError(phrase.error);
  return phrase.text;
}

/** Sits in the status bar's right half, under any modal: it never covers a dialog. */
export function Toasts() {
  // Re-rendered on a language change, so an open toast is said in the new language.
  useLocale();
  return (
    <ToastRegion queue={toastQueue} className="toast-region" aria-label={t('toast.region')}>
      {({ toast }) => <ToastView toast={toast} />}
    </ToastRegion>
  );
}

function ToastView({ toast }: { toast: QueuedToast<ToastMessage> }) {
  useLocale();
  const message = toast.content;
  return (
    <Toast toast={toast} className="toast">
      <ToastContent className="toast-content">
        <Text slot="title">{say(message.title)}</Text>
        {message.description && <Text slot="description">{say(message.description)}</Text>}
      </ToastContent>
      <Button slot="close" className="quiet icon" aria-label={t('toast.dismiss')}>
        <X size={16} aria-hidden />
      </Button>
    </Toast>
  );
}
