/**
 * One decision the collapse made, in the order it made them, so an operator can see
 * exactly what trade-off bought the plan its fit. CIDRs are in text form for reading.
 */
export type CollapseStep =
  | {
      /** Layer 1 at the configured tolerance. */
      readonly kind: "gap-tolerance";
      readonly tolerance: number;
      readonly blocks: number;
      readonly budget: number;
    }
  | {
      /** Layer 2: the group was over budget, so the tolerance was raised and recomputed. */
      readonly kind: "escalation";
      readonly tolerance: number;
      readonly blocks: number;
      readonly budget: number;
    }
  | {
      /** Layer 3: two blocks of one rule merged into their covering prefix. */
      readonly kind: "forced-merge";
      readonly rule: string;
      readonly merged: readonly string[];
      readonly into: string;
      readonly addedAddresses: number;
    }
  | {
      /**
       * The optimal strategy: the group was over budget, so the tightest cover of every
       * rule's layer-1 blocks within the budget was chosen exactly.
       */
      readonly kind: "optimal-cover";
      readonly blocks: number;
      readonly budget: number;
      /** Addresses the layer-1 blocks trust, and what the chosen cover trusts. */
      readonly layerOneTrusted: number;
      readonly trusted: number;
    };
