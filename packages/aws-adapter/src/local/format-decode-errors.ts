import type * as t from "io-ts";

const VALUE_WIDTH = 60;

/**
 * Renders io-ts decode errors as one line each, `<file>: <path inside it>: expected
 * <type>, got <value>`, with the path written as in the JSON itself
 * (`SecurityGroups[2].IpPermissions[0].FromPort`) and any reason a codec gave appended in
 * parentheses. Lines repeated by intersection members are reported once, in order.
 *
 * @example
 * const file = t.type({ Items: t.array(t.type({ Port: t.number })) });
 * const decoded = file.decode({ Items: [{ Port: 1 }, { Port: "443" }] });
 * if (isLeft(decoded)) formatDecodeErrors("file.json", decoded.left);
 * // ['file.json: Items[1].Port: expected number, got "443"']
 */
export const formatDecodeErrors = (file: string, errors: t.Errors): string[] => {
  const lines = errors.map((error) => formatOne(file, error));
  return [...new Set(lines)];
};

const formatOne = (file: string, error: t.ValidationError): string => {
  const path = pathOf(error.context);
  const expected = error.context[error.context.length - 1]?.type.name ?? "a value";
  const reason = error.message === undefined ? "" : ` (${error.message})`;
  const where = path.length === 0 ? file : `${file}: ${path}`;
  return `${where}: expected ${expected}, got ${formatValue(error.value)}${reason}`;
};

/**
 * The JSON path of a failing value. Intersection and union members add a context entry
 * keyed by member index that is not part of the document, so those entries are skipped.
 */
const pathOf = (context: t.Context): string => {
  let path = "";

  for (const [index, entry] of context.entries()) {
    const parent = context[index - 1];
    if (parent === undefined || isComposite(parent.type)) continue;
    path += isList(parent.type)
      ? `[${entry.key}]`
      : path.length === 0
        ? entry.key
        : `.${entry.key}`;
  }
  return path;
};

const tagOf = (type: t.Decoder<unknown, unknown>): string | undefined =>
  (type as { readonly _tag?: string })._tag;

const isComposite = (type: t.Decoder<unknown, unknown>): boolean =>
  tagOf(type) === "IntersectionType" || tagOf(type) === "UnionType";

const isList = (type: t.Decoder<unknown, unknown>): boolean =>
  tagOf(type) === "ArrayType" || tagOf(type) === "ReadonlyArrayType";

const formatValue = (value: unknown): string => {
  if (value === undefined) return "nothing";

  const text = JSON.stringify(value) ?? String(value);
  return text.length <= VALUE_WIDTH ? text : `${text.slice(0, VALUE_WIDTH - 1)}…`;
};
