import { hasPorts, type Rule, type RuleSource } from "@sg/core";
import * as t from "io-ts";
import { cidrText, protocolText } from "./codecs.js";

const sourceJson = t.union([
  t.type({ cidr: cidrText }),
  t.intersection([t.type({ prefixListId: t.string }), t.partial({ maxEntries: t.number })]),
  t.intersection([
    t.type({ referencedGroupId: t.string }),
    t.partial({
      userId: t.string,
      vpcId: t.string,
      vpcPeeringConnectionId: t.string,
      peeringStatus: t.string,
    }),
  ]),
]);

const ruleShape = t.intersection([
  t.type({ groupId: t.string, protocol: protocolText, source: sourceJson }),
  t.partial({ ruleId: t.string, fromPort: t.number, toPort: t.number, description: t.string }),
]);

type RuleShape = t.TypeOf<typeof ruleShape>;
type SourceShape = t.TypeOf<typeof sourceJson>;

const sourceOf = (shape: SourceShape): RuleSource => {
  if ("cidr" in shape) return { kind: "cidr", cidr: shape.cidr };
  if ("prefixListId" in shape) return { kind: "prefix-list", ...shape };
  const { referencedGroupId, ...rest } = shape;
  return { kind: "group", groupId: referencedGroupId, ...rest };
};

const shapeOfSource = (source: RuleSource): t.OutputOf<typeof sourceJson> => {
  switch (source.kind) {
    case "cidr":
      return { cidr: cidrText.encode(source.cidr) };
    case "prefix-list": {
      const { kind: _kind, ...rest } = source;
      return rest;
    }
    case "group": {
      const { kind: _kind, groupId, ...rest } = source;
      return { referencedGroupId: groupId, ...rest };
    }
  }
};

const ruleOf = (shape: RuleShape): Rule => ({
  groupId: shape.groupId,
  ...(shape.ruleId === undefined ? {} : { ruleId: shape.ruleId }),
  protocol: shape.protocol,
  ...(hasPorts(shape.protocol) && shape.fromPort !== undefined
    ? { ports: { from: shape.fromPort, to: shape.toPort ?? shape.fromPort } }
    : {}),
  source: sourceOf(shape.source),
  ...(shape.description === undefined ? {} : { description: shape.description }),
});

/**
 * A security-group rule as artefacts store it: the EC2 vocabulary (protocol name, from
 * and to port, one source) in plain JSON a reviewer can read, decoded to a core `Rule`.
 */
export const ruleJson = new t.Type<Rule, t.OutputOf<typeof ruleShape>, unknown>(
  "rule",
  (value): value is Rule => false,
  (value, context) => {
    const decoded = ruleShape.validate(value, context);
    return decoded._tag === "Left" ? decoded : t.success(ruleOf(decoded.right));
  },
  (rule) => ({
    groupId: rule.groupId,
    ...(rule.ruleId === undefined ? {} : { ruleId: rule.ruleId }),
    protocol: protocolText.encode(rule.protocol),
    ...(rule.ports === undefined ? {} : { fromPort: rule.ports.from, toPort: rule.ports.to }),
    source: shapeOfSource(rule.source),
    ...(rule.description === undefined ? {} : { description: rule.description }),
  }),
);
