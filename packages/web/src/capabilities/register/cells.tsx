/** Table cells the register pages share: a position with its type and grade, an agency with its unit. */

export function PositionCell({ positionTitle, positionTypeLabel, grade }: { positionTitle: string; positionTypeLabel: string; grade: string | null }) {
  return (
    <>
      {positionTitle}
      <span className="sub">
        {positionTypeLabel}
        {grade ? ` · ${grade}` : ''}
      </span>
    </>
  );
}

export function AgencyCell({ agencyName, unitName }: { agencyName: string; unitName: string | null }) {
  return (
    <>
      {agencyName}
      {unitName && <span className="sub">{unitName}</span>}
    </>
  );
}
