export const requireStaff = () => undefined;
