import type { EmulatorHandle } from "@sg/aws-emulator";
import { parseCidr, ruleKey, TCP, type Rule } from "@sg/core";

/** The demo's web tier, which admits 10.0.0.0/16 on tcp/443. */
export const WEB = "sg-0a11ce0000000web1";

/** The demo's orders database, which admits 10.4.0.0/16 on tcp/5432. */
export const DB = "sg-0a11ce00000000db2";

/** The demo's partner API. */
export const API = "sg-0a11ce0000000api3";

/** A tcp rule on one port from one CIDR the test knows is valid. */
export const tcpRule = (
  groupId: string,
  port: number,
  text: string,
  description?: string,
): Rule => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad test CIDR ${text}`);
  return {
    groupId,
    protocol: TCP,
    ports: { from: port, to: port },
    source: { kind: "cidr", cidr: parsed.value },
    ...(description === undefined ? {} : { description }),
  };
};

/**
 * Every inbound rule the emulator holds, by what it admits and its description, sorted:
 * what two estates must agree on when rule ids may differ.
 */
export const meaningOf = (emulator: EmulatorHandle): string[] =>
  emulator.state
    .exportSecurityGroupRules()
    .SecurityGroupRules.filter((rule) => !rule.IsEgress)
    .map((rule) => {
      const source =
        rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId;
      const traffic = `${rule.IpProtocol}|${rule.FromPort}:${rule.ToPort}`;
      return `${rule.GroupId}|${traffic}|${source}|${rule.Description ?? ""}`;
    })
    .sort();

/** The keys of `rules`, for comparing what a group holds with what was asked. */
export const keysOf = (rules: readonly Rule[]): string[] => rules.map(ruleKey).sort();

/** How many calls of `action` reached the emulator. */
export const callsOf = (emulator: EmulatorHandle, action: string): number =>
  emulator.calls.filter((call) => call.action === action).length;
