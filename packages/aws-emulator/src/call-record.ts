/** The AWS services the emulator speaks. */
export type EmulatedService = "ec2" | "logs" | "servicequotas" | "organizations" | "sts" | "athena";

/**
 * One call the emulator received, in arrival order: what was asked and how it ended.
 * Each SDK attempt is its own call, so retries show up as repeated records.
 */
export interface CallRecord {
  /** The service the call was routed to; `unknown` for a target no service claims. */
  readonly service: EmulatedService | "unknown";
  /** The action (`DescribeSecurityGroups`, `FilterLogEvents`, …), or `""` if none was sent. */
  readonly action: string;
  /** The flattened Query parameters (EC2) or the parsed JSON body (JSON protocols). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly requestId: string;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The error code, when the call failed. */
  readonly errorCode?: string;
  /** Which fault, if any, decided the outcome instead of the estate. */
  readonly fault?: "injected" | "throttled";
}
