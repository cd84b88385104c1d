/** Where links in e-mail and text messages point: NETRA_PUBLIC_URL, or this machine for development. */
export const publicBaseUrl = (): string => (process.env.NETRA_PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
