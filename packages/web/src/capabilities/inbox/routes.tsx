/** The inbox and notification-settings pages of the staff console, for console/ConsoleRoutes.tsx. */
import { Route } from 'wouter';
import { StaffRoute } from '../../console/StaffRoute.tsx';
import { ConversationPage } from './ConversationPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { NotificationSettingsPage } from './NotificationSettingsPage.tsx';

export const inboxConsoleRoutes = [
  <Route key="inbox-detail" path="/konsol/kotak-masuk/:id">
    {(params) => (
      <StaffRoute action="inbox.read">
        <ConversationPage id={params.id} />
      </StaffRoute>
    )}
  </Route>,
  <Route key="inbox" path="/konsol/kotak-masuk">
    <StaffRoute action="inbox.read">
      <InboxPage />
    </StaffRoute>
  </Route>,
  <Route key="notification-settings" path="/konsol/pengaturan-pemberitahuan">
    <StaffRoute action="notifications.read">
      <NotificationSettingsPage />
    </StaffRoute>
  </Route>,
];
