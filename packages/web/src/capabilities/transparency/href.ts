/**
 * The address of an election's public transparency page (nationally, or for one province or
 * regency/city). Its own module, free of page imports, so any page can link there without an
 * import circle through the transparency page itself.
 */
export const transparencyHref = (electionId: string, regionCode: string | null) => `/transparansi/${electionId}${regionCode ? `/${regionCode}` : ''}`;
