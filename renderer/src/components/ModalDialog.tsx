import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  /** False while work is in flight: Escape and a click outside then do nothing. */
  dismissable?: boolean;
  /** alertdialog for confirmations of something that cannot be undone. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/** The app's one modal frame: overlay, focus trap, title, focus returned on close. */
export function ModalDialog({
  isOpen,
  onClose,
  title,
  dismissable = true,
  role = 'dialog',
  children,
}: Props) {
  return (
    <ModalOverlay
      className="overlay"
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
    >
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
