/**
 * A modal question before a step that cannot be taken back (opening a reporter's identity,
 * removing, closing). Built on <dialog>: the browser keeps focus inside and Escape cancels. The
 * page owns `open`; the dialog reports the answer through `onConfirm` or `onCancel`.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useMessages } from '../lib/i18n.tsx';
import { kitMessages } from './messages.ts';
import './kit.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, and any fields the step needs (e.g. a reason). */
  children?: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  /** While the step runs: the buttons are disabled. */
  busy?: boolean;
  /** A message from the failed step, shown above the buttons. */
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
  className?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, busy = false, error, onConfirm, onCancel, className = 'kit-dialog' }: ConfirmDialogProps) {
  const t = useMessages(kitMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the page decides whether the dialog closes.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={confirm} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="kit-dialog-actions">
          <button type="submit" disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="kit-secondary" disabled={busy} onClick={onCancel}>
            {cancelLabel ?? t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
