import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks once more before sealing, in a modal dialog: sealing cannot be undone. Cancel has the
 * focus, so a stray Enter does not seal.
 */
export function SealConfirm(props: {
  open: boolean;
  caseReference: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    }
    if (!props.open && element.open) element.close();
  }, [props.open]);

  return (
    <dialog
      ref={dialog}
      className="seal-confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t('seal.confirm.title')}</h2>
      <div id={`${id}-body`}>
        <p>{t('seal.confirm.body', { caseReference: props.caseReference })}</p>
        <p>{t('seal.confirm.check')}</p>
      </div>
      <div className="actions">
        <button type="button" className="button primary" onClick={props.onConfirm}>
          {t('seal.confirm.yes')}
        </button>
        <button ref={cancelButton} type="button" className="button" onClick={props.onCancel}>
          {t('seal.confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
