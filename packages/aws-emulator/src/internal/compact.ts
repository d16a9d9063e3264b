/** A copy of the object without its `undefined` members, as EC2 and the CLI omit them. */
export const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
