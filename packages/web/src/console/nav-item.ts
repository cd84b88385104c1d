import type { PermissionAction } from '@netra/core/access/permissions';

/**
 * One entry of the console menu. Capabilities declare their entries with this type and the
 * console menu (console/nav.ts) gathers them; the type lives apart from the menu so a capability's
 * nav.ts never imports the file that imports it.
 */
export interface ConsoleNavItem {
  href: string;
  label: { id: string; en: string };
  /** The permission-table action the page serves; shown only to roles allowed it (none = every staff role). */
  action?: PermissionAction;
}
