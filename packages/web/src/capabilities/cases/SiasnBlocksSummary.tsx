/**
 * Open SIASN blocks in the dashboard's territory (issue 15): requested (the PPK missed the
 * follow-up) and imposed by BKN, per regency/city and per agency. Live counts, not the cube.
 */
import { DataTable, PageSection, StatCards } from '../../components/kit.ts';
import { useApi, type ApiResponse } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { defineMessages, useI18n, useMessages } from '../../lib/i18n.tsx';

type Summary = ApiResponse<'/siasn-blocks/summary'>;

const messages = defineMessages({
  id: {
    title: 'Pemblokiran data SIASN yang masih terbuka',
    requested: 'Diminta (PPK melewati batas)',
    imposed: 'Diblokir oleh BKN',
    none: 'Tidak ada pemblokiran SIASN yang terbuka di wilayah ini.',
    region: 'Wilayah',
    agency: 'Instansi',
  },
  en: {
    title: 'Open SIASN data blocks',
    requested: 'Requested (PPK missed the deadline)',
    imposed: 'Blocked by BKN',
    none: 'No open SIASN block in this territory.',
    region: 'Region',
    agency: 'Agency',
  },
});

export function SiasnBlocksSummary({ region }: { region: string | null }) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [state] = useApi<Summary>(`/siasn-blocks/summary${region && region.length <= 5 ? `?region=${region}` : ''}`, language);
  if (state.status !== 'ready') return null;
  const s = state.data;
  const count = (n: number) => formatCount(n, language);
  return (
    <PageSection className="dash-section" id="dash-siasn-blocks" title={t.title}>
      <StatCards
        items={[
          { label: t.requested, value: count(s.requested) },
          { label: t.imposed, value: count(s.imposed), tone: s.imposed > 0 ? 'bad' : undefined },
        ]}
      />
      {s.requested + s.imposed === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <>
          <DataTable
            rows={s.byRegion}
            rowKey={(r) => r.code}
            columns={[
              { key: 'region', header: t.region, cell: (r) => `${r.name} (${r.code})` },
              { key: 'requested', header: t.requested, cell: (r) => count(r.requested) },
              { key: 'imposed', header: t.imposed, cell: (r) => count(r.imposed) },
            ]}
          />
          <DataTable
            rows={s.byAgency}
            rowKey={(a, i) => `${a.id ?? 'none'}-${a.regionCode}-${i}`}
            columns={[
              { key: 'agency', header: t.agency, cell: (a) => a.name },
              { key: 'requested', header: t.requested, cell: (a) => count(a.requested) },
              { key: 'imposed', header: t.imposed, cell: (a) => count(a.imposed) },
            ]}
          />
        </>
      )}
    </PageSection>
  );
}
