/**
 * One case: who and where, every running clock with its legal basis, the actions open to me,
 * the sanction suggestion and the sanction recorded, the reports, the history and the audit trail.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { api, ApiRequestError, ok, useApi, withSession } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { messages } from './messages.ts';
import { TransitionForm } from './TransitionForm.tsx';
import type { AssignableStaff, CaseDetail, TransitionResult } from './types.ts';
import './cases.css';

const time = (iso: string, language: Language) => formatDateTime(iso, language, { hour: '2-digit', minute: '2-digit' });
const dateTime = (iso: string, language: Language) => formatDateTime(iso, language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function CasePage({ id }: { id: string }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [state, reload] = useApi<CaseDetail>(`/cases/${id}`, language);
  const [result, setResult] = useState<TransitionResult | null>(null);

  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') {
    if (state.error instanceof ApiRequestError && state.error.status === 404) {
      return (
        <>
          <Link href="/konsol/perkara" className="back">{t.back}</Link>
          <p className="alert" role="alert">{t.notFound}</p>
        </>
      );
    }
    return <LoadError error={state.error} onRetry={reload} />;
  }
  const c = state.data;
  const party: Record<string, string> = { reporter: t.partyReporter, bawaslu: t.partyBawaslu, bkn: t.partyBkn, ppk: t.partyPpk };

  return (
    <article data-case={c.number} data-state={c.state}>
      <Link href="/konsol/perkara" className="back">{t.back}</Link>
      <header className="case-header">
        <div>
          <h1 className="mono">{c.number}</h1>
          <span className="state-pill" data-testid="case-state">{c.stateLabel}</span>
          <div className="case-flags">
            {c.siasnBlockRecommended && <span className="flag">{t.siasn}</span>}
            {c.escalatedTo && <span className="flag">{t.escalated}</span>}
          </div>
        </div>
        <dl className="case-meta">
          <dt>{t.region}</dt>
          <dd>{c.region.name} ({c.region.code})</dd>
          <dt>{t.election}</dt>
          <dd>{c.election.name}</dd>
          <dt>{t.received}</dt>
          <dd>{formatDate(c.receivedOn, language)}</dd>
          <dt>{t.assignee}</dt>
          <dd>{c.assignee?.name ?? <span className="muted">{t.nobody}</span>}</dd>
        </dl>
      </header>
      <p>{c.summary}</p>
      {result && (
        <div className="notice" role="status">
          <p>{t.saved(result.toLabel)}</p>
          {result.warnings.length > 0 && (
            <div className="warning">
              <strong>{t.warningsTitle}</strong>
              <ul>{result.warnings.map((w) => <li key={w.code}>{w.message}</li>)}</ul>
            </div>
          )}
        </div>
      )}

      <div className="case-grid">
        <div>
          <section className="card" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t.deadlinesTitle}</h2>
            {c.deadlines.length === 0 ? (
              <p className="muted">{t.noDeadline}</p>
            ) : (
              <ul className="deadline-list">
                {c.deadlines.map((d) => (
                  <li key={d.code} data-deadline={d.code}>
                    <DeadlineBadge deadline={d} withLabel />
                    <div className="muted">
                      {t.started} {formatDate(d.startedOn, language)} · {t.due} {formatDate(d.due, language)} · {party[d.party] ?? d.party}
                    </div>
                    <div className="basis">
                      {t.deadlineBasis}: {d.basis.join('; ')} {d.unsure && <em>{t.unsure}</em>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t.actionsTitle}</h2>
            <WorkControls detail={c} onChange={reload} />
            <TransitionForm
              key={c.version}
              detail={c}
              onDone={(r) => {
                setResult(r.version === c.version ? null : r);
                reload();
              }}
            />
          </section>

          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t.timelineTitle}</h2>
            <ol className="case-timeline">
              {c.timeline.map((e) => (
                <li key={e.id} data-event={e.transition ?? e.kind}>
                  <time dateTime={e.at}>{dateTime(e.at, language)}</time> · {e.actor?.name ?? t.system}
                  {e.public && <span className="tag"> {t.publicTag}</span>}
                  <div>
                    <strong>{e.transitionLabel ?? t.eventKinds[e.kind] ?? e.kind}</strong>
                    {e.toStateLabel && e.transition && <span className="muted"> → {e.toStateLabel}</span>}
                  </div>
                  {e.note && <p className="note">{e.note}</p>}
                </li>
              ))}
            </ol>
            <details className="audit">
              <summary>{t.auditTitle} ({c.auditTrail.length})</summary>
              <ol className="case-timeline">
                {c.auditTrail.map((a) => (
                  <li key={a.seq}>
                    <time dateTime={a.at}>{dateTime(a.at, language)}</time> · #{a.seq} · <span className="mono">{a.action}</span> · {a.actor?.name ?? t.system}
                  </li>
                ))}
              </ol>
            </details>
          </section>
        </div>

        <div>
          <section className="card" aria-labelledby="suggestion-title">
            <h2 id="suggestion-title">{t.suggestionTitle}</h2>
            {!c.sanctionSuggestion ? (
              <p className="muted">{t.suggestionNone}</p>
            ) : (
              <>
                <p>{c.sanctionSuggestion.acts.map((a) => `${a.code} · ${a.description}`).join('; ')}</p>
                <h3>{t.discipline}: {c.sanctionSuggestion.discipline.levelLabel}</h3>
                <ul>{c.sanctionSuggestion.discipline.sanctionTypes.map((s) => <li key={s.code}>{s.label}</li>)}</ul>
                {c.sanctionSuggestion.discipline.alternativeLevel && <p className="warning">{t.alternative(c.sanctionSuggestion.discipline.alternativeLevel)}</p>}
                {c.sanctionSuggestion.unsure.map((u) => <p key={u.act} className="muted">{u.act}: {u.note}</p>)}
                <h3>{t.ethics}</h3>
                {c.sanctionSuggestion.ethics.applies ? <ul>{c.sanctionSuggestion.ethics.sanctionTypes.map((s) => <li key={s.code}>{s.label}</li>)}</ul> : <p className="muted">{t.ethicsNo}</p>}
                {c.sanctionSuggestion.notes.map((n) => <p key={n} className="muted">{n}</p>)}
                <p className="basis muted">{c.sanctionSuggestion.basis.join('; ')}</p>
              </>
            )}
          </section>

          {c.sanction && (
            <section className="card" aria-labelledby="sanction-title" data-testid="sanction">
              <h2 id="sanction-title">{t.sanctionTitle}</h2>
              <ul>{c.sanction.types.map((s) => <li key={s.code}>{s.label} <span className="muted">({s.basis})</span></li>)}</ul>
              <p>{t.decree(c.sanction.decreeNumber, formatDate(c.sanction.decreeDate, language))}</p>
              {c.sanction.warnings.length > 0 && <ul className="warning">{c.sanction.warnings.map((w) => <li key={w.code}>{w.message}</li>)}</ul>}
            </section>
          )}

          <section className="card" aria-labelledby="reports-title">
            <h2 id="reports-title">{t.reportsTitle}</h2>
            <ul className="case-timeline">
              {c.reports.map((r) => (
                <li key={r.id}>
                  <strong>{t.reportSource[r.source] ?? r.source}</strong> · <span className="mono">{r.receiptNumber}</span>
                  <div>
                    {r.reportedName}
                    {r.reportedPosition && `, ${r.reportedPosition}`}
                    {r.reportedAgency && ` (${r.reportedAgency})`}
                  </div>
                  <div className="muted">
                    {formatDate(r.occurredOn, language)} · {r.place} · {t.evidence(r.evidenceCount)}
                    {r.anonymous && ` · ${t.anonymous}`}
                    {r.lateByDays > 0 && ` · ${t.late(r.lateByDays)}`}
                  </div>
                  <p className="note">{r.excerpt}</p>
                  <Link href={`/konsol/laporan/${r.id}`}>{t.openReport}</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}

/** The work lock and the assignment, for the roles that handle the case at this stage. */
function WorkControls({ detail, onChange }: { detail: CaseDetail; onChange(): void }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [staff] = useApi<AssignableStaff>(detail.canHandle ? `/cases/${detail.id}/assignable-staff` : null, language);
  const [assignee, setAssignee] = useState(detail.assignee?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!detail.canHandle) return null;

  async function send(request: (as: ReturnType<typeof withSession>) => Promise<{ error?: unknown; response: Response }>) {
    setError(null);
    try {
      await ok(request(withSession(language, session.csrfToken)));
      onChange();
    } catch (e) {
      setError(e instanceof ApiRequestError && e.body ? e.body.error.message : String(e));
    }
  }

  const lock = detail.lock;
  return (
    <div className="case-form" style={{ marginBottom: '1rem' }}>
      <div>
        {lock && <p className={lock.mine ? 'notice' : 'warning'}>{lock.mine ? t.lockMine(time(lock.until, language)) : t.lockOther(lock.holderName, time(lock.until, language))}</p>}
        {(!lock || lock.mine) && (
          <button type="button" className="button-secondary" onClick={() => send((as) => (lock ? api.DELETE : api.POST)('/cases/{id}/lock', { params: { path: { id: detail.id } }, ...as }))}>
            {lock ? t.lockRelease : t.lockTake}
          </button>
        )}
      </div>
      <div>
        <label htmlFor="case-assignee">{t.assignTo}</label>
        <div style={{ display: 'flex', gap: '0.5rem' }}>
          <select id="case-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t.assignNone}</option>
            {staff.status === 'ready' && staff.data.items.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <button type="button" onClick={() => send((as) => api.POST('/cases/{id}/assign', { params: { path: { id: detail.id } }, body: { userId: assignee || null, expectedVersion: detail.version }, ...as }))}>
            {t.assignSave}
          </button>
        </div>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
