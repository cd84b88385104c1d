/** ILIKE pattern matching `text` anywhere: the user's "%", "_" and "\" are text to find, not wildcards. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
