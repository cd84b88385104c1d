/**
 * The filters above a list: a search form whose fields are applied together on submit (Enter
 * works), with an optional reset. `Field` labels one control (and ties its hint and error to it);
 * `Options` lists choices for a <select>; `textFields` binds text inputs to a form-state object.
 */
import { cloneElement, type FormEvent, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import './kit.css';

export interface FilterBarProps {
  onSubmit(): void;
  submitLabel: ReactNode;
  /** Clears the filters; shown as a second button when given. */
  onReset?(): void;
  resetLabel?: ReactNode;
  /** The form's class (default `kit-filters`). */
  className?: string;
  /** The class of the box around the buttons, and of the reset button. */
  actionsClassName?: string;
  submitClassName?: string;
  resetClassName?: string;
  /** A search landmark (default); false for a form that only picks what to show. */
  search?: boolean;
  /** Buttons or notes after the form's own buttons. */
  extra?: ReactNode;
  children: ReactNode;
}

export function FilterBar({ onSubmit, submitLabel, onReset, resetLabel, className = 'kit-filters', actionsClassName, submitClassName, resetClassName = 'kit-secondary', search = true, extra, children }: FilterBarProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onSubmit={submit} role={search ? 'search' : undefined}>
      {children}
      <div className={actionsClassName}>
        <button type="submit" className={submitClassName}>
          {submitLabel}
        </button>
        {onReset && (
          <button type="button" className={resetClassName} onClick={onReset}>
            {resetLabel}
          </button>
        )}
      </div>
      {extra}
    </form>
  );
}

type Control = ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;

export interface FieldProps {
  /** The control's id; the label points at it. */
  id: string;
  label: ReactNode;
  /** A line under the control, read out with it. */
  hint?: ReactNode;
  /** The field's error from the server or the page; marks the control invalid. */
  error?: string | null;
  className?: string;
  /** One input, select or textarea: it receives the id, aria-invalid and aria-describedby. */
  children: Control;
}

export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': hintId })}
      {hint && (
        <span id={hintId} className="kit-hint">
          {hint}
        </span>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** The choices of a <select>: `id` is the value, `name` the text; `placeholder` is a first choice with the value "". */
export function Options({ items, placeholder }: { items: ReadonlyArray<{ id: string | number; name: ReactNode }>; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}

/**
 * Text inputs bound to the fields of a form-state object, each in a `Field` with the server's
 * error for it: `const field = textFields('rot', form, setForm, errors)`, then
 * `field('name', t.name)` or `field('decreeDate', t.decreeDate, { type: 'date' })`. Ids are
 * `<prefix>-<key>`; `error` overrides the message looked up by key.
 */
export function textFields<Form extends object>(prefix: string, form: Form, setForm: (next: Form) => void, errors: Record<string, string> = {}) {
  return (key: keyof Form & string, label: ReactNode, props: InputHTMLAttributes<HTMLInputElement> = {}, error: string | undefined = errors[key]) => (
    <Field key={key} id={`${prefix}-${key}`} label={label} error={error} className={props.className}>
      <input {...props} className={undefined} value={String(form[key] ?? '')} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </Field>
  );
}
