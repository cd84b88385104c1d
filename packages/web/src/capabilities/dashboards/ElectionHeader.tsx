/**
 * The heading of the console pages that show one election at a time (dashboard, prevention):
 * title, lead and the election picker. The choice lives in the page's address, so the page
 * passes what to do with it.
 */
import { Options } from '../../components/FilterBar.tsx';
import { useApi } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { ElectionList } from '../elections/types.ts';
import './dashboards.css';

export const DEFAULT_ELECTION = 'pilkada-2024';

export function ElectionHeader({ title, lead, label, electionId, onChange }: { title: string; lead: string; label: string; electionId: string; onChange(electionId: string): void }) {
  const { language } = useI18n();
  const [elections] = useApi<ElectionList>('/elections', language);
  return (
    <header className="dash-header">
      <div>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </div>
      <label className="dash-election">
        {label}
        <select value={electionId} onChange={(e) => onChange(e.target.value)}>
          {elections.status === 'ready' ? <Options items={elections.data.items} /> : <option value={electionId}>{electionId}</option>}
        </select>
      </label>
    </header>
  );
}
