import type { FlowLogField } from "../fields.js";

/** What a numeric field accepts, and how a value outside it is described. */
export interface NumberRule {
  readonly max: number;
  readonly problem: string;
}

const NOT_A_PORT = "is not a port 0-65535";
const NOT_A_COUNT = "is not a whole number 0 or above";
const NOT_A_TIME = "is not a Unix time in whole seconds 0 or above";
const port: NumberRule = { max: 65_535, problem: NOT_A_PORT };
const count: NumberRule = { max: Number.MAX_SAFE_INTEGER, problem: NOT_A_COUNT };
const time: NumberRule = { max: Number.MAX_SAFE_INTEGER, problem: NOT_A_TIME };

/**
 * The numeric fields both parsers keep: the largest value each accepts and the words
 * that say a token is not one. The text parser and the byte scanner read these same rules,
 * so that they accept the same lines and give the same reasons.
 */
export const NUMBER_RULES = {
  version: { max: 2_147_483_647, problem: "is not a version number" },
  srcport: port,
  dstport: port,
  protocol: { max: 255, problem: "is not a protocol number 0-255" },
  packets: count,
  bytes: count,
  start: time,
  end: time,
  "tcp-flags": { max: 255, problem: "is not a TCP flag mask 0-255" },
  "traffic-path": { max: 255, problem: "is not a traffic-path code 0-255" },
} as const satisfies Partial<Record<FlowLogField, NumberRule>>;

/** A numeric field both parsers keep. */
export type NumberField = keyof typeof NUMBER_RULES;

/** How a token that is none of a word field's words, nor `-`, is described. */
export const WORD_PROBLEMS = {
  action: "is not ACCEPT, REJECT or -",
  "log-status": "is not OK, NODATA, SKIPDATA or -",
  "flow-direction": "is not ingress, egress or -",
} as const satisfies Partial<Record<FlowLogField, string>>;

/** A field both parsers read as one of a few words. */
export type WordField = keyof typeof WORD_PROBLEMS;
