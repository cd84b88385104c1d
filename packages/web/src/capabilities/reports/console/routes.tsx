/** The reports pages of the staff console, for console/ConsoleRoutes.tsx. */
import { BAWASLU_ROLES } from '@netra/core/access/roles';
import { Route } from 'wouter';
import { StaffRoute } from '../../../console/StaffRoute.tsx';
import { IntakePage } from './IntakePage.tsx';
import { MergeProposalsPage } from './MergeProposalsPage.tsx';
import { ReportDetailPage } from './ReportDetailPage.tsx';
import { ReportListPage } from './ReportListPage.tsx';
import { REPORT_READER_ROLES } from './nav.ts';

export const reportConsoleRoutes = [
  <Route key="reports-new" path="/konsol/laporan/baru">
    <StaffRoute roles={BAWASLU_ROLES}>
      <IntakePage />
    </StaffRoute>
  </Route>,
  <Route key="reports-detail" path="/konsol/laporan/:id">
    {(params) => (
      <StaffRoute roles={REPORT_READER_ROLES}>
        <ReportDetailPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="reports" path="/konsol/laporan">
    <StaffRoute roles={REPORT_READER_ROLES}>
      <ReportListPage />
    </StaffRoute>
  </Route>,
  <Route key="merge-proposals" path="/konsol/usulan-gabung">
    <StaffRoute roles={BAWASLU_ROLES}>
      <MergeProposalsPage />
    </StaffRoute>
  </Route>,
];
