// A route taking its guard from the auth capability instead of http/guard.ts.
import { requireStaff } from '../auth/service.ts';

export const routes = () => requireStaff();
