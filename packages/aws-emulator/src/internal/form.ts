/**
 * A Query-protocol request body as EC2 receives it: flat `Name.1.Sub=value` pairs. Lists
 * are 1-based and may arrive in any order, so every reader sorts by index.
 */
export type Form = ReadonlyMap<string, string>;

/** Parses a form-encoded body (or query string) into a {@link Form}. */
export const parseForm = (text: string): Form => new Map(new URLSearchParams(text));

/** The value of one parameter, or `undefined` when absent. */
export const scalar = (form: Form, name: string): string | undefined => form.get(name);

const byIndex = <T>(entries: Map<number, T>): T[] =>
  [...entries.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);

/** The values of a flattened list of scalars: `GroupId.1`, `GroupId.2`, … in index order. */
export const scalarList = (form: Form, name: string): string[] => {
  const found = new Map<number, string>();
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(\\d+)$`);
  for (const [key, value] of form) {
    const match = pattern.exec(key);
    if (match) found.set(Number(match[1]), value);
  }
  return byIndex(found);
};

/**
 * The members of a flattened list of structures (`IpPermissions.1.FromPort`, …), each as
 * its own {@link Form} with the `Name.N.` prefix removed, in index order.
 */
export const structList = (form: Form, name: string): Form[] => {
  const found = new Map<number, Map<string, string>>();
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(\\d+)\\.(.+)$`);
  for (const [key, value] of form) {
    const match = pattern.exec(key);
    if (!match) continue;

    const index = Number(match[1]);
    const member = found.get(index) ?? new Map<string, string>();
    member.set(match[2] ?? "", value);
    found.set(index, member);
  }
  return byIndex(found);
};

/** The parameters as a plain object, for the call log. */
export const formRecord = (form: Form): Record<string, string> => Object.fromEntries(form);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
