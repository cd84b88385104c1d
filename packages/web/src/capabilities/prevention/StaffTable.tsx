/** Civil servants listed by NIP, name, position and agency (who has not signed; who attended). */
import { DataTable, EmptyState } from '../../components/kit.ts';
import { useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

export interface StaffRow {
  id: number;
  nip: string;
  name: string;
  positionTitle: string;
  agency: string;
  unit: string | null;
}

export function StaffTable({ rows, empty }: { rows: readonly StaffRow[]; empty: string }) {
  const t = useMessages(messages);
  return (
    <DataTable
      className="dash-table"
      scrollClassName="dash-scroll"
      empty={<EmptyState className="dash-empty">{empty}</EmptyState>}
      rows={rows}
      rowKey={(p) => p.id}
      columns={[
        { key: 'nip', header: t.nip, cellClassName: 'mono', cell: (p) => p.nip },
        { key: 'name', header: t.name, cell: (p) => p.name },
        { key: 'position', header: t.position, cell: (p) => p.positionTitle },
        {
          key: 'agency',
          header: t.agency,
          cell: (p) => (
            <>
              {p.agency}
              {p.unit && <span className="sub">{p.unit}</span>}
            </>
          ),
        },
      ]}
    />
  );
}
