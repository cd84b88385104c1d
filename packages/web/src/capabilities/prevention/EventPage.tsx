/** One socialisation event: what, when, where, and who attended (added by agency or from a CSV). */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { apiSend, ApiRequestError, useApi } from '../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { formatCount } from '../dashboards/DashboardPage.tsx';
import { ExportButtons } from '../dashboards/ExportButtons.tsx';
import { Pager } from '../dashboards/Pager.tsx';
import type { Page } from '../dashboards/types.ts';
import { CsvImport } from './CsvImport.tsx';
import { messages } from './messages.ts';
import { useAgencyOptions } from './PreventionPage.tsx';
import { can } from '@netra/core/access/permissions';
import '../dashboards/dashboards.css';

interface EventDetail {
  event: { id: string; electionId: string; regionCode: string; region: string; kind: string; kindLabel: string; title: string; heldOn: string; place: string; organiser: string; note: string | null };
  attendees: Page<{ id: number; nip: string; name: string; positionTitle: string; agency: string; unit: string | null }>;
}

export function EventPage({ id }: { id: string }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const limit = 25;
  const [state, reload] = useApi<EventDetail>(`/prevention/events/${id}?limit=${limit}&offset=${offset}&v=${version}`, language);
  const electionId = state.status === 'ready' ? state.data.event.electionId : '';
  const agencies = useAgencyOptions(electionId || 'pilkada-2024', state.status === 'ready' ? state.data.event.regionCode : null);
  const [agencyId, setAgencyId] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const canRecord = can(session.user!.role, 'prevention.event.record');

  async function addAgency(event: FormEvent) {
    event.preventDefault();
    setNote(null);
    try {
      const r = await apiSend<{ staff: number; added: number; alreadyPresent: number }>('POST', `/prevention/events/${id}/attendance`, { agencyId: Number(agencyId) }, language, session.csrfToken);
      setNote({ ok: true, text: t.attendanceAdded(r.added, r.staff, r.alreadyPresent) });
      setVersion((v) => v + 1);
    } catch (e) {
      setNote({ ok: false, text: e instanceof ApiRequestError ? e.message : String(e) });
    }
  }

  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { event, attendees } = state.data;
  return (
    <div className="prevention">
      <Link href={`/konsol/pencegahan?tab=sosialisasi&pemilihan=${event.electionId}`} className="back">
        {t.back}
      </Link>
      <h1>{event.title}</h1>
      <dl className="dash-cards">
        <div className="dash-card">
          <dt>{t.kind}</dt>
          <dd>{event.kindLabel}</dd>
        </div>
        <div className="dash-card">
          <dt>{t.heldOn}</dt>
          <dd>{formatDate(event.heldOn, language, { day: 'numeric', month: 'long', year: 'numeric' })}</dd>
        </div>
        <div className="dash-card">
          <dt>{t.place}</dt>
          <dd>
            {event.place} · {event.region}
          </dd>
        </div>
        <div className="dash-card">
          <dt>{t.organiser}</dt>
          <dd>{event.organiser}</dd>
        </div>
        <div className="dash-card">
          <dt>{t.attendance}</dt>
          <dd>
            <strong>{formatCount(attendees.total, language)}</strong>
          </dd>
        </div>
      </dl>
      {event.note && <p>{event.note}</p>}
      {canRecord && (
        <section className="dash-section" aria-labelledby="attendance-add">
          <header>
            <h2 id="attendance-add">{t.attendanceByAgency}</h2>
          </header>
          <form className="dash-form" onSubmit={addAgency}>
            <div>
              <label htmlFor="attendance-agency">{t.agency}</label>
              <select id="attendance-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">{t.chooseAgency}</option>
                {agencies.map((a) => (
                  <option key={a.agencyId} value={a.agencyId}>
                    {a.name} ({a.regionCode})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit" disabled={!agencyId}>
                {t.addAttendance}
              </button>
            </div>
            {note && (
              <p className={note.ok ? 'dash-ok wide' : 'field-error wide'} role={note.ok ? 'status' : 'alert'}>
                {note.text}
              </p>
            )}
          </form>
          <h3>{t.importTitle}</h3>
          <CsvImport path={`/prevention/events/${id}/attendance/import`} help={t.importAttendanceHelp} onDone={() => setVersion((v) => v + 1)} />
        </section>
      )}
      <section className="dash-section" aria-labelledby="attendees-title">
        <header>
          <h2 id="attendees-title">{t.attendeesTitle}</h2>
          <ExportButtons source="attendance" filter={{ eventId: id }} what={t.attendeesTitle} />
        </header>
        {attendees.items.length === 0 ? (
          <p className="dash-empty">{t.noAttendees}</p>
        ) : (
          <>
            <div className="dash-scroll">
              <table className="dash-table">
                <thead>
                  <tr>
                    <th>{t.nip}</th>
                    <th>{t.name}</th>
                    <th>{t.position}</th>
                    <th>{t.agency}</th>
                  </tr>
                </thead>
                <tbody>
                  {attendees.items.map((p) => (
                    <tr key={p.id}>
                      <td className="mono">{p.nip}</td>
                      <td>{p.name}</td>
                      <td>{p.positionTitle}</td>
                      <td>
                        {p.agency}
                        {p.unit && <span className="sub">{p.unit}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={attendees.total} limit={limit} offset={offset} onChange={setOffset} />
          </>
        )}
      </section>
    </div>
  );
}
