/** One socialisation event: what, when, where, and who attended (added by agency or from a CSV). */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ExportButtons, Field, LoadError, Options, Pager, PageSection, StatCards } from '../../components/kit.ts';
import { apiSend, ApiRequestError, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatCount, formatDate, LONG_DATE } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';
import { NipImport } from './NipImport.tsx';
import { agencyChoices, useAgencyOptions } from './PreventionPage.tsx';
import { StaffTable } from './StaffTable.tsx';
import { can } from '@netra/core/access/permissions';
import '../dashboards/dashboards.css';

type EventDetail = ApiResponse<'/prevention/events/{eventId}'>;

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
      const r = await apiSend<ApiResponse<'/prevention/events/{eventId}/attendance', 'post'>>('POST', `/prevention/events/${id}/attendance`, { agencyId: Number(agencyId) }, language, session.csrfToken);
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
      <StatCards
        className="dash-cards"
        cardClassName="dash-card"
        items={[
          { label: t.kind, value: event.kindLabel },
          { label: t.heldOn, value: formatDate(event.heldOn, language, LONG_DATE) },
          {
            label: t.place,
            value: (
              <>
                {event.place} · {event.region}
              </>
            ),
          },
          { label: t.organiser, value: event.organiser },
          { label: t.attendance, value: <strong>{formatCount(attendees.total, language)}</strong> },
        ]}
      />
      {event.note && <p>{event.note}</p>}
      {canRecord && (
        <PageSection className="dash-section" id="attendance-add" title={t.attendanceByAgency}>
          <form className="dash-form" onSubmit={addAgency}>
            <Field id="attendance-agency" label={t.agency}>
              <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <Options placeholder={t.chooseAgency} items={agencyChoices(agencies)} />
              </select>
            </Field>
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
          <NipImport path={`/prevention/events/${id}/attendance/import`} help={t.importAttendanceHelp} onDone={() => setVersion((v) => v + 1)} />
        </PageSection>
      )}
      <PageSection
        className="dash-section"
        id="attendees-title"
        title={t.attendeesTitle}
        actions={<ExportButtons source="attendance" filter={{ eventId: id }} what={t.attendeesTitle} />}
      >
        <StaffTable rows={attendees.items} empty={t.noAttendees} />
        <Pager className="dash-pager" buttonClassName="dash-secondary" total={attendees.total} limit={limit} offset={offset} onChange={setOffset} />
      </PageSection>
    </div>
  );
}
