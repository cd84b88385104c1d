/** /konsol/penapisan/leksikon: the lexicon of an election and region, by kind, with additions and removals. */
import { useEffect, useState, type FormEvent } from 'react';
import { DataTable, EmptyState, Field, FilterBar, Loaded, Notice, Options, Pager, useFormSubmit } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatTimestamp } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { can } from '@netra/core/access/permissions';
import { defaultElection, type ElectionList, type LexiconView } from './api.ts';
import { messages } from './messages.ts';
import './screening.css';

const PAGE = 50;
const KINDS = ['candidate_name', 'pair_name', 'ballot_number', 'party', 'slogan', 'hashtag', 'support_cue', 'opposition_cue', 'neutral_cue'];
const MENTION_KINDS = new Set(KINDS.slice(0, 6));

export function LexiconPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const scope = session.user!.scope;
  const canEdit = can(session.user!.role, 'screening.triage');
  const [elections] = useApi<ElectionList>('/elections', language);
  const [electionId, setElectionId] = useState('');
  const [regionTyped, setRegionTyped] = useState(scope.kind === 'region' ? scope.regionCode : '');
  const [regionCode, setRegionCode] = useState(regionTyped);
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: addErrors, failure: error, run } = useFormSubmit();
  const [draft, setDraft] = useState({ term: '', kind: 'support_cue', pairId: '', ambiguous: false });

  useEffect(() => {
    if (elections.status === 'ready' && !electionId) setElectionId(defaultElection(elections.data.items));
  }, [elections, electionId]);

  const params = new URLSearchParams({ electionId, limit: String(PAGE), offset: String(offset) });
  if (regionCode.trim()) params.set('regionCode', regionCode.trim());
  if (kind) params.set('kind', kind);
  if (q.trim()) params.set('q', q.trim());
  const [state, reload] = useApi<LexiconView>(electionId ? `/screening/lexicon?${params}` : null, language);

  function send(body: Record<string, unknown>) {
    setNotice(null);
    return run(async () => {
      const saved = await apiSend<ApiResponse<'/screening/lexicon/edits', 'post'>>('POST', '/screening/lexicon/edits', { electionId, ...body }, language, session.csrfToken);
      setNotice(t.editSaved(saved.rescored));
      reload();
    });
  }

  async function add(event: FormEvent, view: LexiconView) {
    event.preventDefault();
    const saved = await send({
      regionCode: view.regionCode,
      action: 'add',
      term: draft.term.trim(),
      kind: draft.kind,
      ...(MENTION_KINDS.has(draft.kind) ? { candidatePairIds: draft.pairId ? [draft.pairId] : [] } : {}),
      ...(draft.ambiguous ? { ambiguous: true } : {}),
    });
    if (saved) setDraft({ ...draft, term: '' });
  }

  const selectRegion = () => {
    setOffset(0);
    setRegionCode(regionTyped);
  };

  return (
    <>
      <h1>{t.lexiconTitle}</h1>
      <p className="lead">{t.lexiconLead}</p>
      <FilterBar className="scr-filters" search={false} submitLabel={t.filter} onSubmit={selectRegion}>
        <Field id="lex-election" label={t.election}>
          <select value={electionId} onChange={(e) => (setOffset(0), setElectionId(e.target.value))}>
            <Options items={elections.status === 'ready' ? elections.data.items : []} />
          </select>
        </Field>
        <Field id="lex-region" label={t.region}>
          <input value={regionTyped} onChange={(e) => setRegionTyped(e.target.value)} placeholder="35.10" />
        </Field>
        <Field id="lex-q" label={t.search}>
          <input type="search" value={q} onChange={(e) => (setOffset(0), setQ(e.target.value))} />
        </Field>
      </FilterBar>
      <Notice className="scr-note">{notice}</Notice>
      <Notice tone="error" className="scr-alert">{error}</Notice>
      <Loaded state={state} onRetry={reload} loading={electionId ? undefined : null}>
        {(data) => (
          <>
            {(
              <>
                <p className="muted">
                  {t.scopeRegion}: {data.regionCode ?? t.electionWide} · {t.threshold(data.threshold)} · v{data.version}
                </p>
                <div className="scr-tabs" role="group" aria-label={t.kind}>
                  <button type="button" aria-pressed={kind === ''} onClick={() => (setOffset(0), setKind(''))}>
                    {t.allKinds}
                  </button>
                  {KINDS.map((k) => (
                    <button key={k} type="button" aria-pressed={kind === k} onClick={() => (setOffset(0), setKind(k))}>
                      {t.lexiconKinds[k]} ({data.counts[k] ?? 0})
                    </button>
                  ))}
                </div>
                {canEdit && (
                  <form className="card scr-form" onSubmit={(e) => add(e, data)} noValidate>
                    <h2 className="wide">{t.addTitle}</h2>
                    <Field id="add-term" label={t.term} error={addErrors.term}>
                      <input value={draft.term} onChange={(e) => setDraft({ ...draft, term: e.target.value })} maxLength={200} />
                    </Field>
                    <Field id="add-kind" label={t.kind}>
                      <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
                        <Options items={KINDS.map((k) => ({ id: k, name: t.lexiconKinds[k] }))} />
                      </select>
                    </Field>
                    {MENTION_KINDS.has(draft.kind) && (
                      <Field id="add-pair" label={t.addPair} error={addErrors.candidatePairIds}>
                        <select value={draft.pairId} onChange={(e) => setDraft({ ...draft, pairId: e.target.value })}>
                          <Options placeholder={t.choosePair} items={data.candidates.map((c) => ({ id: c.id, name: `${c.label} · ${c.regionCode}` }))} />
                        </select>
                      </Field>
                    )}
                    <div>
                      <label>
                        <input type="checkbox" checked={draft.ambiguous} onChange={(e) => setDraft({ ...draft, ambiguous: e.target.checked })} /> {t.ambiguousLabel}
                      </label>
                    </div>
                    <div className="wide">
                      <button type="submit">{t.add}</button>
                    </div>
                  </form>
                )}
                <DataTable
                  className="scr-table"
                  scrollClassName="scr-scroll"
                  testId="lexicon-entries"
                  empty={
                    <EmptyState as="div" className="scr-empty">
                      {t.noEntries}
                    </EmptyState>
                  }
                  rows={data.entries}
                  rowKey={(e) => `${e.kind}|${e.regionCode}|${e.matchText}`}
                  columns={[
                    {
                      key: 'term',
                      header: t.term,
                      cell: (e) => (
                        <>
                          {e.term}
                          {e.ambiguous && <span className="scr-meta"> · {t.ambiguous}</span>}
                        </>
                      ),
                    },
                    { key: 'kind', header: t.kind, cell: (e) => t.lexiconKinds[e.kind] ?? e.kind },
                    {
                      key: 'pointsTo',
                      header: t.pointsTo,
                      cell: (e) => (
                        <>
                          {e.candidates.map((c) => c.label).join('; ') || '—'}
                          {e.candidateCount > e.candidates.length && <span className="scr-meta"> {t.moreCandidates(e.candidateCount - e.candidates.length)}</span>}
                        </>
                      ),
                    },
                    {
                      key: 'source',
                      header: t.source,
                      cell: (e) => (
                        <>
                          {t.sources[e.source] ?? e.source}
                          <span className="scr-meta"> · {e.regionCode ?? t.electionWide}</span>
                        </>
                      ),
                    },
                    canEdit && {
                      key: 'remove',
                      header: null,
                      cell: (e) =>
                        e.removable && (
                          <button type="button" className="scr-secondary" onClick={() => send({ regionCode: e.regionCode, action: 'remove', term: e.matchText, kind: e.kind })}>
                            {t.remove}
                          </button>
                        ),
                    },
                  ]}
                />
                <Pager className="scr-pager" buttonClassName="scr-secondary" shown={data.entries.length} total={data.total} limit={PAGE} offset={offset} onChange={setOffset} />
                <h2>{t.edits}</h2>
                {data.edits.length === 0 ? (
                  <p className="muted">{t.noEdits}</p>
                ) : (
                  <ul>
                    {data.edits.map((e) => (
                      <li key={e.id}>
                        <strong>{e.action === 'add' ? '+' : '−'}</strong> {e.term} ({e.kind ? t.lexiconKinds[e.kind] : '—'}
                        {e.candidates.length > 0 && ` → ${e.candidates.map((c) => c.label).join('; ')}`}) · {e.regionCode ?? t.electionWide} · {e.createdBy ?? '—'},{' '}
                        {formatTimestamp(e.createdAt, language)}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
