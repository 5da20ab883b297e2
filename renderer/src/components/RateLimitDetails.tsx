import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { RateLimitView } from '../../../app/contract';
import { endpointName } from '../endpoint-names';
import { t } from '../i18n/i18n';
import { current, level } from '../rate-limit-view';
import { LimitMeter } from './LimitMeter';
import { Sparkline } from './Sparkline';

/** Every endpoint seen, with its history: the gauge's panel, loaded when first opened. */
export function RateLimitDetails({
  limits,
  now,
  onClose,
}: {
  limits: readonly RateLimitView[];
  now: number;
  onClose: () => void;
}) {
  return (
    <ModalOverlay
      className="overlay"
      isDismissable
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Modal className="modal">
        <Dialog className="dialog limits-panel" aria-label={t('gauge.details')}>
          <Heading slot="title">{t('gauge.details')}</Heading>
          <p className="hint">{t('gauge.explain')}</p>
          {limits.length === 0 && <p className="hint">{t('gauge.none')}</p>}
          {limits.map((raw) => {
            const limit = current(raw, now);
            return (
              <div key={limit.endpoint} className={`limits-row level-${level(limit)}`}>
                <div className="limits-name">
                  <strong>{endpointName(limit.endpoint)}</strong>
                  <code>{limit.endpoint}</code>
                </div>
                <LimitMeter limit={limit} now={now} />
                <Sparkline
                  limit={limit}
                  label={t('gauge.history', { endpoint: endpointName(limit.endpoint) })}
                />
              </div>
            );
          })}
          <div className="actions">
            <Button slot="close" className="primary">
              {t('help.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
