/** /konsol/penapisan/leksikon: the lexicon of an election and region, by kind, with additions and removals. */
import { useEffect, useState, type FormEvent } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { apiSend, ApiRequestError, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { defaultElection, SCREENING_OFFICERS, type ElectionSummary, type LexiconView } from './api.ts';
import { messages } from './messages.ts';
import { Pager } from './Pager.tsx';
import './screening.css';

const PAGE = 50;
const KINDS = ['candidate_name', 'pair_name', 'ballot_number', 'party', 'slogan', 'hashtag', 'support_cue', 'opposition_cue', 'neutral_cue'];
const MENTION_KINDS = new Set(KINDS.slice(0, 6));

export function LexiconPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const scope = session.user!.scope;
  const canEdit = SCREENING_OFFICERS.includes(session.user!.role);
  const [elections] = useApi<{ items: ElectionSummary[] }>('/elections', language);
  const [electionId, setElectionId] = useState('');
  const [regionTyped, setRegionTyped] = useState(scope.kind === 'region' ? scope.regionCode : '');
  const [regionCode, setRegionCode] = useState(regionTyped);
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [addErrors, setAddErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState({ term: '', kind: 'support_cue', pairId: '', ambiguous: false });

  useEffect(() => {
    if (elections.status === 'ready' && !electionId) setElectionId(defaultElection(elections.data.items));
  }, [elections, electionId]);

  const params = new URLSearchParams({ electionId, limit: String(PAGE), offset: String(offset) });
  if (regionCode.trim()) params.set('regionCode', regionCode.trim());
  if (kind) params.set('kind', kind);
  if (q.trim()) params.set('q', q.trim());
  const [state, reload] = useApi<LexiconView>(electionId ? `/screening/lexicon?${params}` : null, language);

  async function send(body: Record<string, unknown>) {
    setNotice(null);
    setError(null);
    setAddErrors({});
    try {
      const saved = await apiSend<{ rescored: number }>('POST', '/screening/lexicon/edits', { electionId, ...body }, language, session.csrfToken);
      setNotice(t.editSaved(saved.rescored));
      reload();
      return true;
    } catch (err) {
      const fields = fieldErrors(err);
      setAddErrors(fields);
      setError(err instanceof ApiRequestError ? err.message : t.loadError);
      return false;
    }
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

  const selectRegion = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setRegionCode(regionTyped);
  };

  return (
    <>
      <h1>{t.lexiconTitle}</h1>
      <p className="lead">{t.lexiconLead}</p>
      <form className="scr-filters" onSubmit={selectRegion}>
        <div>
          <label htmlFor="lex-election">{t.election}</label>
          <select id="lex-election" value={electionId} onChange={(e) => (setOffset(0), setElectionId(e.target.value))}>
            {elections.status === 'ready' &&
              elections.data.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="lex-region">{t.region}</label>
          <input id="lex-region" value={regionTyped} onChange={(e) => setRegionTyped(e.target.value)} placeholder="35.10" />
        </div>
        <div>
          <label htmlFor="lex-q">{t.search}</label>
          <input id="lex-q" type="search" value={q} onChange={(e) => (setOffset(0), setQ(e.target.value))} />
        </div>
        <div>
          <button type="submit">{t.filter}</button>
        </div>
      </form>
      {notice && (
        <p className="scr-note" role="status">
          {notice}
        </p>
      )}
      {error && Object.keys(addErrors).length === 0 && (
        <p className="scr-alert" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && electionId && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {t.scopeRegion}: {state.data.regionCode ?? t.electionWide} · {t.threshold(state.data.threshold)} · v{state.data.version}
          </p>
          <div className="scr-tabs" role="group" aria-label={t.kind}>
            <button type="button" aria-pressed={kind === ''} onClick={() => (setOffset(0), setKind(''))}>
              {t.allKinds}
            </button>
            {KINDS.map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => (setOffset(0), setKind(k))}>
                {t.lexiconKinds[k]} ({state.data.counts[k] ?? 0})
              </button>
            ))}
          </div>
          {canEdit && (
            <form className="card scr-form" onSubmit={(e) => add(e, state.data)} noValidate>
              <h2 className="wide">{t.addTitle}</h2>
              <div>
                <label htmlFor="add-term">{t.term}</label>
                <input id="add-term" value={draft.term} onChange={(e) => setDraft({ ...draft, term: e.target.value })} maxLength={200} />
                {addErrors.term && <p className="field-error">{addErrors.term}</p>}
              </div>
              <div>
                <label htmlFor="add-kind">{t.kind}</label>
                <select id="add-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.lexiconKinds[k]}
                    </option>
                  ))}
                </select>
              </div>
              {MENTION_KINDS.has(draft.kind) && (
                <div>
                  <label htmlFor="add-pair">{t.addPair}</label>
                  <select id="add-pair" value={draft.pairId} onChange={(e) => setDraft({ ...draft, pairId: e.target.value })}>
                    <option value="">{t.choosePair}</option>
                    {state.data.candidates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label} · {c.regionCode}
                      </option>
                    ))}
                  </select>
                  {addErrors.candidatePairIds && <p className="field-error">{addErrors.candidatePairIds}</p>}
                </div>
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
          {state.data.entries.length === 0 ? (
            <div className="scr-empty">{t.noEntries}</div>
          ) : (
            <div className="scr-scroll">
              <table className="scr-table" data-testid="lexicon-entries">
                <thead>
                  <tr>
                    <th>{t.term}</th>
                    <th>{t.kind}</th>
                    <th>{t.pointsTo}</th>
                    <th>{t.source}</th>
                    {canEdit && <th />}
                  </tr>
                </thead>
                <tbody>
                  {state.data.entries.map((e) => (
                    <tr key={`${e.kind}|${e.regionCode}|${e.matchText}`}>
                      <td>
                        {e.term}
                        {e.ambiguous && <span className="scr-meta"> · {t.ambiguous}</span>}
                      </td>
                      <td>{t.lexiconKinds[e.kind] ?? e.kind}</td>
                      <td>
                        {e.candidates.map((c) => c.label).join('; ') || '—'}
                        {e.candidateCount > e.candidates.length && <span className="scr-meta"> {t.moreCandidates(e.candidateCount - e.candidates.length)}</span>}
                      </td>
                      <td>
                        {t.sources[e.source] ?? e.source}
                        <span className="scr-meta"> · {e.regionCode ?? t.electionWide}</span>
                      </td>
                      {canEdit && (
                        <td>
                          {e.removable && (
                            <button type="button" className="scr-secondary" onClick={() => send({ regionCode: e.regionCode, action: 'remove', term: e.matchText, kind: e.kind })}>
                              {t.remove}
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager total={state.data.total} shown={state.data.entries.length} limit={PAGE} offset={offset} onChange={setOffset} />
          <h2>{t.edits}</h2>
          {state.data.edits.length === 0 ? (
            <p className="muted">{t.noEdits}</p>
          ) : (
            <ul>
              {state.data.edits.map((e) => (
                <li key={e.id}>
                  <strong>{e.action === 'add' ? '+' : '−'}</strong> {e.term} ({e.kind ? t.lexiconKinds[e.kind] : '—'}
                  {e.candidates.length > 0 && ` → ${e.candidates.map((c) => c.label).join('; ')}`}) · {e.regionCode ?? t.electionWide} · {e.createdBy ?? '—'},{' '}
                  {new Date(e.createdAt).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB')}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
