import type { Ipv4Cidr } from "../../address/ipv4-cidr.js";
import { MAX_DESCRIPTION_LENGTH } from "../../plan/replacement-rule.js";
import { ICMP, TCP, UDP } from "../../rule/protocol.js";
import type { Rule } from "../../rule/rule.js";
import type { Traffic } from "./extension-item.js";

/**
 * A rule extend authorises: the attempt's protocol (its port for tcp and udp, every type
 * for icmp, no ports otherwise) from `block`, described so that an auditor sees it came
 * from extend, when, and why (`text`), within EC2's 255 characters.
 */
export const extensionRule = (
  groupId: string,
  traffic: Traffic,
  block: Ipv4Cidr,
  text: string,
  label: string | undefined,
): Rule => {
  const { protocol, port } = traffic;
  const ports =
    protocol === TCP || protocol === UDP
      ? { ports: { from: port, to: port } }
      : protocol === ICMP
        ? { ports: { from: -1, to: -1 } }
        : {};
  const origin = label === undefined ? "sg-tightener extend" : `sg-tightener extend ${label}`;

  return {
    groupId,
    protocol,
    ...ports,
    source: { kind: "cidr", cidr: block },
    description: `${origin}: ${text}`.slice(0, MAX_DESCRIPTION_LENGTH),
  };
};
