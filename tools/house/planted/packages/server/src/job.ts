export type JobSender = (data: object) => Promise<string | null>;
