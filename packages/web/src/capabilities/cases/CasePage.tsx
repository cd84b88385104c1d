/**
 * One case: who and where, every running clock with its legal basis, the actions open to me,
 * the sanction suggestion and the sanction recorded, the reports, the history and the audit trail.
 */
import { can } from '@netra/core/access/permissions';
import { useState } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { api, ApiRequestError, ok, useApi, withSession } from '../../lib/api.ts';
import { formatDate, formatZoned } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { CaseThreadPanel } from '../messages/CaseThreadPanel.tsx';
import { FourEyesNote, RulebookVersionNote } from '../elections/CaseRulebookNotes.tsx';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { HoldBadge } from '../retention/HoldBadge.tsx';
import { messages } from './messages.ts';
import { isWeakReport, TransitionForm } from './TransitionForm.tsx';
import { LettersPanel, PeoplePanel, SiasnBlockPanel, type CasePeople } from './CasePersonPanels.tsx';
import type { AssignableStaff, CaseDetail, TransitionResult } from './types.ts';
import './cases.css';

/** Times on a case page are the case region's (WIB, WITA or WIT), with the zone named. */
const time = (iso: string, region: string, language: Language) => formatZoned(iso, region, language, 'time');
const dateTime = (iso: string, region: string, language: Language) => formatZoned(iso, region, language);

export function CasePage({ id }: { id: string }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [state, reload] = useApi<CaseDetail>(`/cases/${id}`, language);
  const [result, setResult] = useState<TransitionResult | null>(null);
  // Who the case is about (issue 15): forwarding and the sanction wait for a linked civil servant.
  const [people, reloadPeople] = useApi<CasePeople>(`/cases/${id}/people`, language);

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
            <HoldBadge on={{ caseId: c.id }} />
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
          <dd data-testid="case-assignee">{c.assignee?.name ?? <span className="muted">{t.nobody}</span>}</dd>
          <dt>{t.lockTitle}</dt>
          <dd data-testid="case-lock">{c.lock ? t.lockHeld(c.lock.holderName, time(c.lock.until, c.region.code, language)) : <span className="muted">{t.lockFree}</span>}</dd>
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
            <RulebookVersionNote detail={c} />
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
            <FourEyesNote detail={c} />
            <TransitionForm
              key={c.version}
              detail={c}
              needsPerson={people.status === 'ready' && people.data.people.length === 0 ? { codes: people.data.required.transitions, message: people.data.required.message } : null}
              onDone={(r) => {
                setResult(r.version === c.version ? null : r);
                reload();
              }}
            />
          </section>

          <CaseThreadPanel caseId={c.id} regionCode={c.region.code} version={c.version} onCaseChanged={reload} />

          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t.timelineTitle}</h2>
            <ol className="case-timeline">
              {c.timeline.map((e) => (
                <li key={e.id} data-event={e.transition ?? e.kind}>
                  <time dateTime={e.at}>{dateTime(e.at, c.region.code, language)}</time> · {e.actor?.name ?? t.system}
                  <div>
                    <strong>{e.transitionLabel ?? t.eventKinds[e.kind] ?? e.kind}</strong>
                    {e.toStateLabel && e.transition && <span className="muted"> → {e.toStateLabel}</span>}
                    {/* Only the new status reaches the reporter, never the officer's note. */}
                    {e.public && <span className="tag" data-testid="public-status"> {t.publicTag}</span>}
                    {eventDetail(e, t)}
                  </div>
                  {e.note && (
                    <p className="note">
                      {e.public && <span className="muted">{t.internalNote}: </span>}
                      {e.note}
                    </p>
                  )}
                  {publicMessageOf(e) && <p className="note">{t.messageToReporter}: {publicMessageOf(e)}</p>}
                </li>
              ))}
            </ol>
            <details className="audit">
              <summary>{t.auditTitle} ({c.auditTrail.length})</summary>
              <ol className="case-timeline">
                {c.auditTrail.map((a) => (
                  <li key={a.seq}>
                    <time dateTime={a.at}>{dateTime(a.at, c.region.code, language)}</time> · #{a.seq} · <span className="mono">{a.action}</span> · {a.actor?.name ?? t.system}
                  </li>
                ))}
              </ol>
            </details>
          </section>
        </div>

        <div>
          {people.status === 'ready' && (
            <PeoplePanel
              detail={c}
              people={people.data}
              onChange={() => {
                reloadPeople();
                reload();
              }}
            />
          )}
          <SiasnBlockPanel caseId={c.id} version={c.version} today={c.today} onChange={reload} />
          <LettersPanel caseId={c.id} version={c.version} />
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
                  {r.outsideStages && <p className="warning" data-testid="outside-stages">{r.outsideStages}</p>}
                  {isWeakReport(r) && <MakeFinding reportId={r.id} onDone={reload} />}
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
        {lock && <p className={lock.mine ? 'notice' : 'warning'}>{lock.mine ? t.lockMine(time(lock.until, detail.region.code, language)) : t.lockOther(lock.holderName, time(lock.until, detail.region.code, language))}</p>}
        <p className="muted">{t.lockExplained}</p>
        {(!lock || lock.mine) && (
          <button type="button" className="button-secondary" onClick={() => send((as) => (lock ? api.DELETE : api.POST)('/cases/{id}/lock', { params: { path: { id: detail.id } }, ...as }))}>
            {lock ? t.lockRelease : t.lockTake}
          </button>
        )}
        {lock?.mine && (
          <button type="button" className="link-button" onClick={() => send((as) => api.POST('/cases/{id}/lock', { params: { path: { id: detail.id } }, ...as }))}>
            {t.lockRenew}
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
        {detail.assignee?.id !== session.user!.id && staff.status === 'ready' && staff.data.items.some((u) => u.id === session.user!.id) && (
          <button type="button" className="link-button" onClick={() => send((as) => api.POST('/cases/{id}/assign', { params: { path: { id: detail.id } }, body: { userId: session.user!.id, expectedVersion: detail.version }, ...as }))}>
            {t.assignMe}
          </button>
        )}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

/** The message for the reporter that went with a public step, if any. */
const publicMessageOf = (e: CaseDetail['timeline'][number]): string | null => {
  const message = (e.data as { publicMessage?: unknown } | null)?.publicMessage;
  return typeof message === 'string' && message.trim() ? message : null;
};

/** What an assignment or a hand-over changed, beside its timeline entry. */
function eventDetail(e: CaseDetail['timeline'][number], t: { lockEndedOnHandover: string }) {
  const data = (e.data ?? {}) as { assignee?: { name?: string } | null; lockReleased?: string };
  if (e.kind === 'assigned' && data.assignee?.name) return <span> → {data.assignee.name}</span>;
  if (data.lockReleased) return <span className="muted"> · {t.lockEndedOnHandover}</span>;
  return null;
}

/** "Jadikan temuan": a weak report becomes the initial information of a Bawaslu finding (Bawaslu roles only). */
function MakeFinding({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!can(session.user!.role, 'reports.finding')) return null;
  async function make() {
    try {
      const made = await ok(api.POST('/reports/{id}/finding', { params: { path: { id: reportId } }, body: { note }, ...withSession(language, session.csrfToken) }));
      setOutcome({ ok: true, text: t.findingMade(made.caseNumber) });
      onDone();
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof ApiRequestError && e.body ? e.body.error.message : String(e) });
    }
  }
  return (
    <div className="warning" data-testid="make-finding">
      <span>{t.weakReport}</span>{' '}
      {!open ? (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>{t.makeFinding}</button>
      ) : (
        <>
          <label htmlFor={`finding-note-${reportId}`}>{t.makeFindingNote}</label>
          <textarea id={`finding-note-${reportId}`} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" onClick={make}>{t.makeFinding}</button>
        </>
      )}
      {outcome && <p className={outcome.ok ? 'notice' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>}
    </div>
  );
}
