/**
 * The console menu. Each capability adds its entries here (one line each); an entry is shown only
 * to the roles it lists (none listed = every staff role). The server enforces roles and scope
 * again on every request: the menu only spares people links they cannot use.
 */
export interface ConsoleNavItem {
  href: string;
  label: { id: string; en: string };
  roles?: readonly string[];
}

export const consoleNav: ConsoleNavItem[] = [];

export function navFor(role: string): ConsoleNavItem[] {
  return consoleNav.filter((item) => !item.roles || item.roles.includes(role));
}
