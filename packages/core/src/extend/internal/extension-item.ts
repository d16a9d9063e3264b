import { compareBlocks, type Ipv4Cidr } from "../../address/ipv4-cidr.js";
import type { BlockedSource } from "../../diagnose/blocked-source.js";
import type { Protocol } from "../../rule/protocol.js";

/** The traffic a new rule opens: a protocol, and a port for tcp and udp (else -1). */
export interface Traffic {
  readonly protocol: Protocol;
  readonly port: number;
}

/**
 * One thing a group needs at least one rule for: the private sources of one RFC 1918
 * block on one traffic (collapsed later), or one public block. `weight` is the number of
 * rejected records behind it, which decides what goes first when the budget is short.
 */
export interface ExtensionItem {
  readonly kind: "private" | "public";
  readonly traffic: Traffic;
  /** The RFC 1918 block for private sources, the rule's block for public ones. */
  readonly block: Ipv4Cidr;
  /** For public blocks, what the rule's description says. */
  readonly text: string;
  readonly blocked: BlockedSource[];
  weight: number;
}

/** A stable order of items: traffic, private before public, then block. */
export const compareItems = (a: ExtensionItem, b: ExtensionItem): number =>
  a.traffic.protocol - b.traffic.protocol ||
  a.traffic.port - b.traffic.port ||
  Number(a.kind === "public") - Number(b.kind === "public") ||
  compareBlocks(a.block, b.block);

/**
 * The items of every group, built one blocked source at a time. Items are keyed by
 * group, traffic and block, so a source seen on several interfaces of a group, or several
 * sources inside one service prefix, share one item.
 */
export class ItemBook {
  private readonly byGroup = new Map<string, Map<string, ExtensionItem>>();

  /** Adds a blocked source to the group's item for this traffic and block. */
  add(
    groupId: string,
    item: Omit<ExtensionItem, "blocked" | "weight">,
    blocked: BlockedSource,
  ): void {
    const items = this.byGroup.get(groupId) ?? new Map<string, ExtensionItem>();
    this.byGroup.set(groupId, items);

    const { traffic, block } = item;
    const key = `${traffic.protocol}|${traffic.port}|${item.kind}|${block.base}/${block.length}`;
    const held = items.get(key) ?? { ...item, blocked: [], weight: 0 };
    items.set(key, held);
    held.blocked.push(blocked);
    held.weight += blocked.attempt.count;
  }

  /** Every group with items, and its items in a stable order. */
  groups(): [string, ExtensionItem[]][] {
    return [...this.byGroup]
      .map(([groupId, items]): [string, ExtensionItem[]] => [
        groupId,
        [...items.values()].sort(compareItems),
      ])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
