import { useState, type FormEvent } from 'react';
import { api, ApiRequestError, ok, withSession, type ApiResponse } from '../../lib/api.ts';
import { formatDate, LONG_DATE } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

type Decoded = ApiResponse<'/nip/{nip}'>;

type Result = { valid: true; value: Decoded } | { valid: false; reasons: string[] } | null;

/**
 * The "month" of a PNS reading (digits 13–14) when it is over 12: what an NI PPPK's two-digit code
 * looks like, so the checker suggests reading the number as one.
 */
function pppkMonth(input: string): string | null {
  const digits = input.replace(/[\s.\-]/g, '');
  if (!/^\d{18}$/.test(digits)) return null;
  const month = digits.slice(12, 14);
  return Number(month) > 12 ? month : null;
}

export function NipPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [nip, setNip] = useState('');
  const [kind, setKind] = useState<'pns' | 'pppk'>('pns');
  const [result, setResult] = useState<Result>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(event: FormEvent | null, asKind: 'pns' | 'pppk' = kind) {
    event?.preventDefault();
    if (!nip.trim()) {
      setFieldError(t.nipRequired);
      setResult(null);
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const value = await ok(api.GET('/nip/{nip}', { params: { path: { nip: nip.trim() }, query: { kind: asKind } }, ...withSession(language) }));
      setResult({ valid: true, value });
    } catch (error) {
      if (error instanceof ApiRequestError && error.body?.error.fields) {
        setResult({ valid: false, reasons: error.body.error.fields.map((f) => f.message) });
      } else {
        setFieldError(t.loadError);
        setResult(null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="nip">
      <h1>{t.nipTitle}</h1>
      <p className="lead">{t.nipText}</p>
      <form onSubmit={check} noValidate className="card form">
        <div className="field">
          <label htmlFor="nip-input">{t.nipLabel}</label>
          <input
            id="nip-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t.nipPlaceholder}
            value={nip}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'nip-error' : undefined}
            onChange={(e) => setNip(e.target.value)}
          />
          {fieldError && (
            <p className="field-error" id="nip-error">
              {fieldError}
            </p>
          )}
        </div>
        <fieldset className="field">
          <legend>{t.nipKind}</legend>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'pns'} onChange={() => setKind('pns')} /> {t.nipKindPns}
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'pppk'} onChange={() => setKind('pppk')} /> {t.nipKindPppk}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t.loading : t.nipCheck}
        </button>
      </form>
      {result?.valid === true && (
        <div className="card result result-valid" role="status">
          <h2>✓ {t.nipValid}</h2>
          <dl>
            <dt>{t.formatted}</dt>
            <dd className="mono">{result.value.formatted}</dd>
            <dt>{t.birthDate}</dt>
            <dd>{formatDate(result.value.birthDate, language, LONG_DATE)}</dd>
            {result.value.appointment && (
              <>
                <dt>{t.appointment}</dt>
                <dd>{formatDate(`${result.value.appointment}-01`, language, { month: 'long', year: 'numeric' })}</dd>
              </>
            )}
            {result.value.appointmentYear !== undefined && (
              <>
                <dt>{t.appointmentYear}</dt>
                <dd>{result.value.appointmentYear}</dd>
                <dt>{t.pppkCode}</dt>
                <dd>{result.value.code}</dd>
              </>
            )}
            <dt>{t.gender}</dt>
            <dd>{result.value.gender === 'male' ? t.male : t.female}</dd>
            <dt>{t.sequence}</dt>
            <dd>{result.value.sequence}</dd>
          </dl>
        </div>
      )}
      {result?.valid === false && (
        <div className="card result result-invalid" role="alert">
          <h2>✗ {t.nipInvalid}</h2>
          <ul>
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {kind === 'pns' && pppkMonth(nip) && (
            <p>
              {t.tryPppk(pppkMonth(nip)!)}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setKind('pppk');
                  void check(null, 'pppk');
                }}
              >
                {t.tryPppkButton}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
