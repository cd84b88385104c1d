export const exitCode = 0;
