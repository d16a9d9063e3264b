import * as t from "io-ts";

/**
 * A JSON object with required and optional properties under one name, so an error on the
 * object itself reads `expected IpPermission` rather than the spelled-out structure.
 * Properties the codec does not list are allowed and left in place.
 */
export const record = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]> =>
  t.intersection([t.type(required, name), t.partial(optional, name)], name);

/** A JSON array of `item`, named after its item. */
export const list = <C extends t.Mixed>(item: C): t.ArrayC<C> =>
  t.array(item, `array of ${item.name}`);

/** A `Tags` list as EC2 prints it; kept as written, never interpreted. */
export const tags = list(record("Tag", {}, { Key: t.string, Value: t.string }));
