import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Props = {
  /** What is about to happen, as a question ("Authorise this case?"). */
  readonly title: string;
  /** What follows from it, in plain words, one point per line; the first says whether it can be undone. */
  readonly consequences: readonly string[];
  /** The button that goes ahead, named after the act ("Authorise"), never a bare "OK". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** The safe choice's name, when "Cancel" would be unclear (leaving a form: "Stay"). */
  readonly cancelLabel?: string;
  /** A second way ahead, shown between the safe choice and the confirm button (leaving a form: "Discard"). */
  readonly alternative?: { readonly label: string; readonly onPress: () => void };
  /** Why the last attempt did not go ahead, shown above the buttons and read out at once. */
  readonly problem?: string;
};

/**
 * The stop before a one-way step: it names the act and its consequences, and "Cancel" has the focus, so a stray
 * Enter does nothing. Escape and a click outside also cancel.
 */
export function ConfirmDialog(props: Props) {
  const { title, consequences, confirmLabel, onConfirm, onCancel, cancelLabel, alternative, problem } = props;
  const { t } = useTranslation();
  return (
    <ModalOverlay className="confirm-overlay" isOpen isDismissable onOpenChange={(open) => !open && onCancel()}>
      <Modal className="confirm-modal">
        <Dialog className="confirm-dialog" role="alertdialog" data-testid="confirm-dialog">
          <Heading slot="title">{title}</Heading>
          <ul className="confirm-dialog__consequences">
            {consequences.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {problem ? (
            <p className="form-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="form-actions">
            <Button className="button button--quiet" onPress={onCancel} autoFocus>
              {cancelLabel ?? t('confirm.cancel')}
            </Button>
            {alternative ? (
              <Button className="button button--quiet" onPress={alternative.onPress}>
                {alternative.label}
              </Button>
            ) : null}
            <Button className="button" onPress={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
