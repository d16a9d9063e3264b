import type { Inventory } from "@sg/core";

/**
 * Reads the estate the planner works on: every security group with its inbound rules, the
 * network interfaces they are attached to, and the rule quota. Implemented over the EC2
 * API for the live estate and over exported AWS CLI JSON for the offline mode, so use
 * cases never know which one they were given.
 */
export interface InventoryReader {
  /**
   * Returns the estate as it stands now. Rules carry their `sgr-` ids when the source
   * knows them; rejects with an error naming the source when it cannot be read.
   */
  read(): Promise<Inventory>;
}
