/** Orders strings by UTF-16 code units, independent of the host's locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
