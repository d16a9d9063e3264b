/**
 * Network ACLs: their entries, and how EC2 decides traffic with them (ascending rule
 * numbers, first match wins, default deny), so a REJECT can be laid at the right door.
 */
export { naclOfSubnet, type NaclEntry, type SubnetNacl } from "./nacl-entry.js";
export type { NaclTraffic, NaclVerdict } from "./nacl-traffic.js";
export { evaluateNacl } from "./evaluate-nacl.js";
