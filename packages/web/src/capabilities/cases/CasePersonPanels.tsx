/**
 * Case page panels of issue 15: who the case is about (linked from the register, or why still
 * unknown), the letters due at the case's step with the files kept with it (and the PPK's signed
 * decree), and the SIASN block. Each reads its own endpoint and reloads the page after a change.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { PERSON_UNKNOWN_REASONS } from '@netra/core/cases/person';
import { UploadProgress, useUpload } from '../../components/kit.ts';
import { api, ApiRequestError, fieldErrors, ok, useApi, withSession, type ApiResponse } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { personMessages } from './person-messages.ts';
import type { CaseDetail } from './types.ts';

export type CasePeople = ApiResponse<'/cases/{id}/people'>;
type CaseBlocks = ApiResponse<'/cases/{id}/siasn-blocks'>;
type CaseDocuments = ApiResponse<'/documents/cases/{id}'>;
type AsnSearch = ApiResponse<'/register/asn'>;

const errorText = (e: unknown) => (e instanceof ApiRequestError && e.body ? e.body.error.message : String(e));

/** Run a change, then reload; the API's message (or field messages) on refusal. */
function useChange(onChange: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function run(change: () => Promise<unknown>) {
    setError(null);
    setFields({});
    setBusy(true);
    try {
      await change();
      onChange();
    } catch (e) {
      const byField = fieldErrors(e);
      setFields(byField);
      if (Object.keys(byField).length === 0) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return { run, error, fields, busy };
}

export function PeoplePanel({ detail, people, onChange }: { detail: CaseDetail; people: CasePeople; onChange(): void }) {
  const t = useMessages(personMessages);
  const { language } = useI18n();
  const session = useSession();
  const change = useChange(onChange);
  const as = withSession(language, session.csrfToken);
  const path = { id: detail.id };

  return (
    <section className="card" aria-labelledby="people-title" data-testid="case-people">
      <h2 id="people-title">{t.peopleTitle}</h2>
      {people.people.length === 0 && (
        <p className={people.unknown ? 'muted' : 'warning'}>
          {t.peopleNone} {t.peopleRequired}
        </p>
      )}
      {people.unknown && <p className="muted" data-testid="person-unknown">{t.unknownRecorded(people.unknown.note ? `${people.unknown.label} — ${people.unknown.note}` : people.unknown.label, people.unknown.byName ?? '')}</p>}
      {people.people.map((p) => (
        <div key={p.id} className="person" data-asn={p.nip}>
          <h3>
            <Link href={`/konsol/register/${p.id}`}>{p.name}</Link>
          </h3>
          <dl className="case-meta">
            <dt>{t.nip}</dt>
            <dd className="mono">{p.nipFormatted}</dd>
            <dt>{t.grade}</dt>
            <dd>{p.grade ?? '—'}</dd>
            <dt>{t.position}</dt>
            <dd>
              {p.positionTitle} ({p.positionTypeLabel})
            </dd>
            <dt>{t.unit}</dt>
            <dd>{p.unitName ?? '—'}</dd>
            <dt>{t.agency}</dt>
            <dd>
              {p.agencyName} · {p.regionName}
            </dd>
          </dl>
          <p className="muted">
            {p.reportReceipt && `${t.namedIn(p.reportReceipt)} · `}
            {t.linkedBy(p.linkedByName ?? '—', formatDateTime(p.linkedAt, language))}
          </p>
          <h4>{t.otherCases}</h4>
          {p.otherCases.length === 0 ? (
            <p className="muted">{t.noOtherCases}</p>
          ) : (
            <ul>
              {p.otherCases.map((o) => (
                <li key={o.id}>
                  <Link href={`/konsol/perkara/${o.id}`}>{o.number}</Link> · {o.stateLabel} · {formatDate(o.receivedOn, language)}
                  {o.sanctioned && ` · ${t.sanctioned}`}
                </li>
              ))}
            </ul>
          )}
          <h4>{t.pledges}</h4>
          {p.pledges.length === 0 ? <p className="muted">{t.noPledges}</p> : <ul>{p.pledges.map((g) => <li key={g.electionId}>{t.pledgeLine(g.electionName, formatDate(g.signedOn, language))}</li>)}</ul>}
          {people.canEdit && (
            <button type="button" className="button-secondary" disabled={change.busy} onClick={() => change.run(() => ok(api.DELETE('/cases/{id}/people/{asnId}', { params: { path: { id: detail.id, asnId: p.id } }, ...as })))}>
              {t.unlink}
            </button>
          )}
        </div>
      ))}
      {change.error && <p className="field-error" role="alert">{change.error}</p>}
      {people.canEdit && <RegisterSearch detail={detail} onLinked={onChange} />}
      {people.canEdit && people.people.length === 0 && (
        <UnknownForm
          unknown={people.unknown}
          onSave={(reason, note) => change.run(() => ok(api.PUT('/cases/{id}/person-unknown', { params: { path }, body: { reason, ...(note ? { note } : {}) }, ...as })))}
          fieldErrors={change.fields}
        />
      )}
    </section>
  );
}

function RegisterSearch({ detail, onLinked }: { detail: CaseDetail; onLinked(): void }) {
  const t = useMessages(personMessages);
  const { language } = useI18n();
  const session = useSession();
  const [q, setQ] = useState('');
  const [unit, setUnit] = useState('');
  const [position, setPosition] = useState('');
  const [reportId, setReportId] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [found] = useApi<AsnSearch>(query, language);
  const change = useChange(onLinked);

  function search(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ limit: '10' });
    const text = q.trim();
    if (/^[\d\s.-]{18,}$/.test(text)) params.set('nip', text);
    else if (text) params.set('q', text);
    if (unit.trim()) params.set('unit', unit.trim());
    if (position.trim()) params.set('position', position.trim());
    setQuery(`/register/asn?${params}`);
  }

  return (
    <div className="case-form" role="search" aria-label={t.searchTitle}>
      <h3>{t.searchTitle}</h3>
      <form onSubmit={search}>
        <label htmlFor="person-q">{t.searchLabel}</label>
        <input id="person-q" value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="person-unit">{t.searchUnit}</label>
        <input id="person-unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
        <label htmlFor="person-position">{t.searchPosition}</label>
        <input id="person-position" value={position} onChange={(e) => setPosition(e.target.value)} />
        {detail.reports.length > 1 && (
          <>
            <label htmlFor="person-report">{t.fromReport}</label>
            <select id="person-report" value={reportId} onChange={(e) => setReportId(e.target.value)}>
              <option value="">{t.anyReport}</option>
              {detail.reports.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.receiptNumber} · {r.reportedName}
                </option>
              ))}
            </select>
          </>
        )}
        <p className="muted">{t.searchHint}</p>
        <button type="submit">{t.search}</button>
      </form>
      {query && found.status === 'ready' && found.data.items.length === 0 && <p className="muted">{t.searchEmpty}</p>}
      {query && found.status === 'ready' && found.data.items.length > 0 && (
        <ul className="search-results">
          {found.data.items.map((a) => (
            <li key={a.id}>
              <strong>{a.name}</strong> <span className="mono">{a.nip}</span>
              <div className="muted">
                {a.positionTitle} · {a.unitName ?? '—'} · {a.agencyName}
              </div>
              <button
                type="button"
                disabled={change.busy}
                aria-label={`${t.link} ${a.name}`}
                onClick={() => change.run(() => ok(api.POST('/cases/{id}/people', { params: { path: { id: detail.id } }, body: { asnId: a.id, ...(reportId ? { reportId } : {}) }, ...withSession(language, session.csrfToken) })))}
              >
                {t.link}
              </button>
            </li>
          ))}
        </ul>
      )}
      {change.error && <p className="field-error" role="alert">{change.error}</p>}
    </div>
  );
}

type ReasonCode = keyof typeof PERSON_UNKNOWN_REASONS;

function UnknownForm({ unknown, onSave, fieldErrors: errors }: { unknown: CasePeople['unknown']; onSave(reason: ReasonCode | null, note: string): void; fieldErrors: Record<string, string> }) {
  const t = useMessages(personMessages);
  const { language } = useI18n();
  const [reason, setReason] = useState<ReasonCode>((unknown?.reason as ReasonCode) ?? 'not_named');
  const [note, setNote] = useState(unknown?.note ?? '');
  return (
    <form
      className="case-form"
      aria-label={t.unknownTitle}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(reason, note.trim());
      }}
    >
      <h3>{t.unknownTitle}</h3>
      <label htmlFor="unknown-reason">{t.unknownReason}</label>
      <select id="unknown-reason" value={reason} onChange={(e) => setReason(e.target.value as ReasonCode)}>
        {(Object.keys(PERSON_UNKNOWN_REASONS) as ReasonCode[]).map((code) => (
          <option key={code} value={code}>
            {PERSON_UNKNOWN_REASONS[code][language]}
          </option>
        ))}
      </select>
      <label htmlFor="unknown-note">{t.unknownNote}</label>
      <input id="unknown-note" value={note} aria-invalid={errors.note ? true : undefined} onChange={(e) => setNote(e.target.value)} />
      {errors.note && <p className="field-error">{errors.note}</p>}
      <div>
        <button type="submit">{t.unknownSave}</button>{' '}
        {unknown && (
          <button type="button" className="button-secondary" onClick={() => onSave(null, '')}>
            {t.unknownClear}
          </button>
        )}
      </div>
    </form>
  );
}

/** The letters due at the case's step (each opens as a PDF, stored and audited), the stored files, the decree upload. */
export function LettersPanel({ caseId, version }: { caseId: string; version: number }) {
  const t = useMessages(personMessages);
  const { language } = useI18n();
  const [state, reload] = useApi<CaseDocuments>(`/documents/cases/${caseId}?v=${version}`, language);
  const [reportId, setReportId] = useState('');
  const upload = useUpload<{ sha256: string }>(`/documents/cases/${caseId}/decree`, t.decreeMissing);
  const [file, setFile] = useState<File | null>(null);
  if (state.status !== 'ready') return null;
  const d = state.data;
  const base = `/api/v1/documents/cases/${caseId}`;
  const due = d.letters.filter((l) => l.due);
  const reporterReport = reportId || d.reporterReports[0]?.id;

  return (
    <section className="card" aria-labelledby="letters-title" data-testid="case-letters">
      <h2 id="letters-title">{t.lettersTitle}</h2>
      <ul>
        {d.letters.map((l) => (
          <li key={l.kind} data-letter={l.kind}>
            {l.due && (l.kind !== 'status-notice' || reporterReport) ? (
              <a href={`${base}/letters/${l.kind}?lang=${language}${l.kind === 'status-notice' ? `&report=${reporterReport}` : ''}`} target="_blank" rel="noopener" onClick={() => setTimeout(reload, 1500)}>
                {l.label}
              </a>
            ) : (
              <span className="muted">
                {l.label}: {l.reason ?? '—'}
              </span>
            )}
          </li>
        ))}
      </ul>
      {due.some((l) => l.kind === 'status-notice') && d.reporterReports.length > 1 && (
        <div>
          <label htmlFor="letter-report">{t.letterFor}</label>
          <select id="letter-report" value={reportId} onChange={(e) => setReportId(e.target.value)}>
            {d.reporterReports.map((r) => (
              <option key={r.id} value={r.id}>
                {r.receiptNumber}
              </option>
            ))}
          </select>
        </div>
      )}
      {d.decree.canUpload && (
        <form
          className="case-form"
          aria-label={t.decreeTitle}
          onSubmit={async (e) => {
            e.preventDefault();
            // Only the list of files changes (the case itself does not): reloading the whole case page
            // would unmount this panel and lose the confirmation with the decree's hash.
            if (await upload.upload(file)) reload();
          }}
        >
          <h3>{t.decreeTitle}</h3>
          <label htmlFor="decree-file">{t.decreeFile}</label>
          <input id="decree-file" type="file" accept="application/pdf,.pdf" aria-invalid={upload.errors.file ? true : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {upload.errors.file && <p className="field-error">{upload.errors.file}</p>}
          {upload.failure && <p className="field-error" role="alert">{upload.failure}</p>}
          {upload.progress !== null && <UploadProgress fraction={upload.progress} label={t.decreeUploading} />}
          {upload.result && <p className="notice" role="status">{t.decreeSaved(upload.result.sha256)}</p>}
          <button type="submit" disabled={upload.progress !== null}>
            {t.decreeUpload}
          </button>
        </form>
      )}
      <h3>{t.filesTitle}</h3>
      {d.files.length === 0 ? (
        <p className="muted">{t.filesNone}</p>
      ) : (
        <ul data-testid="case-files">
          {d.files.map((f) => (
            <li key={f.id} data-kind={f.kind}>
              <a href={`${base}/files/${f.id}`}>{f.label}</a> · {t.fileLine(f.createdByName ?? '—', formatDateTime(f.createdAt, language))}
              <div className="mono muted" title="SHA-256">
                {f.sha256}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The SIASN block of the case: its state and history; BKN records imposing and lifting it. */
export function SiasnBlockPanel({ caseId, version, today, onChange }: { caseId: string; version: number; today: string; onChange(): void }) {
  const t = useMessages(personMessages);
  const { language } = useI18n();
  const session = useSession();
  const [state, reload] = useApi<CaseBlocks>(`/cases/${caseId}/siasn-blocks?v=${version}`, language);
  const [reference, setReference] = useState('');
  const [imposedOn, setImposedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [liftedOn, setLiftedOn] = useState(today);
  const change = useChange(() => {
    reload();
    onChange();
  });
  if (state.status !== 'ready' || state.data.history.length === 0) return null;
  const { current, history, canAct } = state.data;
  const as = withSession(language, session.csrfToken);
  const describe = (b: CaseBlocks['history'][number]) =>
    b.status === 'requested'
      ? t.blockRequested(formatDateTime(b.requestedAt, language))
      : b.status === 'imposed'
        ? t.blockImposed(b.imposedReference ?? '', formatDate(b.imposedOn ?? '', language))
        : t.blockLifted(formatDate(b.liftedOn ?? '', language), b.liftReason ?? '');

  return (
    <section className="card" aria-labelledby="block-title" data-testid="siasn-block" data-status={current?.status ?? 'none'}>
      <h2 id="block-title">{t.blockTitle}</h2>
      {current ? (
        <p className={current.status === 'imposed' ? 'alert' : 'warning'}>
          <strong>{current.statusLabel}.</strong> {describe(current)}
        </p>
      ) : (
        <p className="muted">{t.blockNone}</p>
      )}
      {canAct && current?.status === 'requested' && (
        <form className="case-form" aria-label={t.blockImpose} onSubmit={(e) => (e.preventDefault(), change.run(() => ok(api.POST('/cases/{id}/siasn-blocks/impose', { params: { path: { id: caseId } }, body: { reference, imposedOn }, ...as }))))}>
          <label htmlFor="block-reference">{t.blockReference}</label>
          <input id="block-reference" value={reference} aria-invalid={change.fields.reference ? true : undefined} onChange={(e) => setReference(e.target.value)} />
          {change.fields.reference && <p className="field-error">{change.fields.reference}</p>}
          <label htmlFor="block-date">{t.blockImposedOn}</label>
          <input id="block-date" type="date" max={today} value={imposedOn} onChange={(e) => setImposedOn(e.target.value)} />
          {change.fields.imposedOn && <p className="field-error">{change.fields.imposedOn}</p>}
          <button type="submit" disabled={change.busy}>
            {t.blockImpose}
          </button>
        </form>
      )}
      {canAct && current && (
        <form className="case-form" aria-label={t.blockLift} onSubmit={(e) => (e.preventDefault(), change.run(() => ok(api.POST('/cases/{id}/siasn-blocks/lift', { params: { path: { id: caseId } }, body: { reason, liftedOn }, ...as }))))}>
          <label htmlFor="block-reason">{t.blockLiftReason}</label>
          <textarea id="block-reason" value={reason} aria-invalid={change.fields.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
          {change.fields.reason && <p className="field-error">{change.fields.reason}</p>}
          <label htmlFor="block-lift-date">{t.blockLiftedOn}</label>
          <input id="block-lift-date" type="date" max={today} value={liftedOn} onChange={(e) => setLiftedOn(e.target.value)} />
          {change.fields.liftedOn && <p className="field-error">{change.fields.liftedOn}</p>}
          <button type="submit" className="button-secondary" disabled={change.busy}>
            {t.blockLift}
          </button>
        </form>
      )}
      {change.error && <p className="field-error" role="alert">{change.error}</p>}
      <details>
        <summary>
          {t.blockHistory} ({history.length})
        </summary>
        <ul>
          {history.map((b) => (
            <li key={b.id} data-status={b.status}>
              {b.statusLabel}: {describe(b)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
