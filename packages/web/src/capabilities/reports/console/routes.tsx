/** The reports pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../../console/StaffRoute.tsx';
import { IntakePage } from './IntakePage.tsx';
import { MergeProposalsPage } from './MergeProposalsPage.tsx';
import { ReportDetailPage } from './ReportDetailPage.tsx';
import { ReportListPage } from './ReportListPage.tsx';

export const reportConsoleRoutes = [
  <Route key="reports-new" path="/konsol/laporan/baru">
    <StaffRoute action="reports.triage">
      <IntakePage />
    </StaffRoute>
  </Route>,
  <Route key="reports-detail" path="/konsol/laporan/:id">
    {(params) => (
      <StaffRoute action="reports.read">
        <ReportDetailPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="reports" path="/konsol/laporan">
    <StaffRoute action="reports.read">
      <ReportListPage />
    </StaffRoute>
  </Route>,
  <Route key="merge-proposals" path="/konsol/usulan-gabung">
    <StaffRoute action="reports.triage">
      <MergeProposalsPage />
    </StaffRoute>
  </Route>,
];
