/**
 * Moving a case on: only the transitions the server says are legal for me now, each with the
 * fields it needs (choices exactly as the server accepts them), a required note, and the server's
 * refusal shown next to the field it concerns.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiRequestError, fieldErrors, ok, withSession } from '../../lib/api.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';
import type { CaseDetail, TransitionField, TransitionResult } from './types.ts';

type Values = Record<string, string | string[]>;

function FieldInput({ field, value, error, suggested, onChange }: { field: TransitionField; value: string | string[] | undefined; error?: string; suggested: Set<string>; onChange(v: string | string[]): void }) {
  const id = `transition-${field.code}`;
  const described = error ? `${id}-error` : undefined;
  const errorLine = error && (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
  if (field.kind === 'text' || field.kind === 'date') {
    return (
      <div>
        <label htmlFor={id}>{field.label}</label>
        <input id={id} type={field.kind === 'date' ? 'date' : 'text'} value={(value as string) ?? ''} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
        {errorLine}
      </div>
    );
  }
  const chosen = new Set([value ?? []].flat());
  let group: string | undefined;
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={described} data-field={field.code}>
      <legend>{field.label}</legend>
      <div className="choices">
        {field.options?.map((option) => {
          const heading = option.group && option.group !== group ? (group = option.group) : null;
          return (
            <div key={option.code}>
              {heading && <div className="choice-group">{heading}</div>}
              <label className={suggested.has(option.code) ? 'suggested' : undefined}>
                <input
                  type={field.kind === 'codes' ? 'checkbox' : 'radio'}
                  name={id}
                  value={option.code}
                  checked={chosen.has(option.code)}
                  onChange={(e) => {
                    if (field.kind === 'choice') return onChange(option.code);
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(option.code);
                    else next.delete(option.code);
                    onChange([...next]);
                  }}
                />
                <span>{option.label}</span>
              </label>
            </div>
          );
        })}
      </div>
      {errorLine}
    </fieldset>
  );
}

/** The steps that take a report into review. */
const TO_REVIEW = new Set(['accept_for_review', 'information_received']);

/** A public or paper report failing the formal requirements (anonymous, or past the window); Bawaslu's own findings never are. */
export const isWeakReport = (r: { source: string; anonymous: boolean; lateByDays: number }) => (r.source === 'public' || r.source === 'paper') && (r.anonymous || r.lateByDays > 0);

export function TransitionForm({ detail, onDone, needsPerson = null }: { detail: CaseDetail; onDone(result: TransitionResult): void; /** Steps that wait for a linked civil servant (issue 15), and why. */ needsPerson?: { codes: string[]; message: string } | null }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  // One step open is chosen for the officer, except reopening a finished case: that is a decision to make, never a default.
  const [code, setCode] = useState<string | null>(detail.transitions.length === 1 && detail.transitions[0].code !== 'reopen' ? detail.transitions[0].code : null);
  const [note, setNote] = useState('');
  const [publicMessage, setPublicMessage] = useState('');
  const [formalOverride, setFormalOverride] = useState('');
  const [values, setValues] = useState<Values>({ actCodes: detail.actCodes });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ message: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = detail.transitions.find((tr) => tr.code === code) ?? null;
  const suggested = new Set(
    detail.sanctionSuggestion ? [...detail.sanctionSuggestion.discipline.sanctionTypes, ...detail.sanctionSuggestion.ethics.sanctionTypes].map((s) => s.code) : [],
  );

  // Every report of the case fails the formal requirements: review needs the officer's reason (or a finding).
  const weakToReview = Boolean(chosen && TO_REVIEW.has(chosen.code) && detail.reports.length > 0 && detail.reports.every(isWeakReport));

  if (detail.transitions.length === 0) return <p className="muted">{t.noActions}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    const fields = Object.fromEntries(chosen.fields.map((f) => [f.code, values[f.code] ?? (f.kind === 'codes' ? [] : '')]));
    try {
      const result = await ok(
        api.POST('/cases/{id}/transitions', {
          params: { path: { id: detail.id } },
          body: {
            transition: chosen.code,
            note,
            ...fields,
            ...(chosen.public && publicMessage.trim() ? { publicMessage } : {}),
            ...(weakToReview && formalOverride.trim() ? { formalOverride } : {}),
            expectedVersion: detail.version,
          },
          ...withSession(language, session.csrfToken),
        }),
      );
      setNote('');
      setPublicMessage('');
      setCode(null);
      onDone(result);
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || !(e instanceof ApiRequestError) || e.status !== 422) {
        setFormError({ message: e instanceof ApiRequestError && e.body ? e.body.error.message : String(e), stale: e instanceof ApiRequestError && e.body?.error.code === 'stale_version' });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={submit} noValidate aria-label={t.transitionTitle}>
      <fieldset>
        <legend>{t.transitionChoose}</legend>
        <div className="choices">
          {detail.transitions.map((tr) => (
            <label key={tr.code}>
              <input type="radio" name="transition" value={tr.code} checked={code === tr.code} disabled={needsPerson?.codes.includes(tr.code)} onChange={() => setCode(tr.code)} />
              <span>
                {tr.label} <span className="muted">→ {tr.toLabel}</span>
                {needsPerson?.codes.includes(tr.code) && <span className="field-error" data-testid="needs-person"> {needsPerson.message}</span>}
              </span>
            </label>
          ))}
        </div>
        {errors.transition && <p className="field-error">{errors.transition}</p>}
        {errors['case.people'] && <p className="field-error" role="alert">{errors['case.people']}</p>}
      </fieldset>
      {chosen && (
        <>
          {chosen.fields.map((field) => (
            <FieldInput key={field.code} field={field} value={values[field.code]} error={errors[field.code]} suggested={field.code === 'sanctionTypes' ? suggested : new Set()} onChange={(v) => setValues((prev) => ({ ...prev, [field.code]: v }))} />
          ))}
          <div>
            <label htmlFor="transition-note">{t.note}</label>
            <textarea id="transition-note" value={note} aria-invalid={errors.note ? true : undefined} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <p className="field-error">{errors.note}</p>}
          </div>
          {weakToReview && (
            <div className="warning">
              <p>{t.weakReportWarning}</p>
              <label htmlFor="transition-override">{t.formalOverride}</label>
              <textarea id="transition-override" value={formalOverride} aria-invalid={errors.formalOverride ? true : undefined} onChange={(e) => setFormalOverride(e.target.value)} />
              {errors.formalOverride && <p className="field-error">{errors.formalOverride}</p>}
            </div>
          )}
          {chosen.public && (
            <div>
              <label htmlFor="transition-public">{t.publicMessage}</label>
              <textarea id="transition-public" value={publicMessage} onChange={(e) => setPublicMessage(e.target.value)} />
            </div>
          )}
          {formError && (
            <div className="alert" role="alert">
              <p>{formError.message}</p>
              {formError.stale && (
                <button type="button" onClick={() => onDone({ caseId: detail.id, from: detail.state, to: detail.state, toLabel: detail.stateLabel, version: detail.version, nextDeadline: null, warnings: [] })}>
                  {t.reload}
                </button>
              )}
            </div>
          )}
          <div>
            <button type="submit" disabled={busy}>
              {busy ? t.saving : t.submit}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => setCode(null)}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
