import { X } from 'lucide-react';
import {
  Button,
  Text,
  type QueuedToast,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { useNow } from '../hooks/useNow';
import { t } from '../i18n/i18n';
import { toastQueue, type ToastMessage } from '../toasts';

function Countdown({ to }: { to: number }) {
  const now = useNow();
  return (
    <Text slot="description">
      {t('copy.clearsIn', { seconds: Math.max(0, Math.ceil((to - now) / 1000)) })}
    </Text>
  );
}

export function Toasts() {
  return (
    <ToastRegion queue={toastQueue} className="toast-region">
      {({ toast }) => <ToastView toast={toast} />}
    </ToastRegion>
  );
}

function ToastView({ toast }: { toast: QueuedToast<ToastMessage> }) {
  const message = toast.content;
  return (
    <Toast toast={toast} className="toast">
      <ToastContent className="toast-content">
        <Text slot="title">{message.title}</Text>
        {message.description && <Text slot="description">{message.description}</Text>}
        {message.countdownTo !== undefined && <Countdown to={message.countdownTo} />}
      </ToastContent>
      <Button slot="close" className="quiet icon" aria-label={t('toast.dismiss')}>
        <X size={16} aria-hidden />
      </Button>
    </Toast>
  );
}
