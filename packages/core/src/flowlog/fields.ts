/**
 * Every field a VPC flow log can carry, named as AWS spells it in a log format and in the
 * header line of a text file. Grouped by the version that introduced it; a custom format's
 * `version` value is the highest version among its fields.
 *
 * Sources: the VPC user guide's field table (versions 2-5), the AWS CDK `LogFormat` class
 * and the AWS launch post for the ECS fields (version 7), and the VPC Encryption Controls
 * guide, whose example format names `reject-reason` and `encryption-status`. Names seen only
 * in third-party configurations (`resource-id`, `next-hop-*`, tag fields) are left out until
 * an AWS page confirms them.
 */
export const FLOW_LOG_FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "type",
  "pkt-srcaddr",
  "pkt-dstaddr",
  "region",
  "az-id",
  "sublocation-type",
  "sublocation-id",
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
  "flow-direction",
  "traffic-path",
  "ecs-cluster-arn",
  "ecs-cluster-name",
  "ecs-container-instance-arn",
  "ecs-container-instance-id",
  "ecs-container-id",
  "ecs-second-container-id",
  "ecs-service-name",
  "ecs-task-definition-arn",
  "ecs-task-arn",
  "ecs-task-id",
  "reject-reason",
  "encryption-status",
] as const;

/** The name of one flow-log field, hyphenated as in a text file's header. */
export type FlowLogField = (typeof FLOW_LOG_FIELDS)[number];

/**
 * The fields without which a file cannot serve as evidence: who talked to whom, on which
 * protocol and port, on which interface, and whether it was allowed.
 */
export const REQUIRED_FIELDS: readonly FlowLogField[] = [
  "srcaddr",
  "dstaddr",
  "dstport",
  "protocol",
  "action",
  "interface-id",
];

const KNOWN: ReadonlySet<string> = new Set(FLOW_LOG_FIELDS);

/** Whether `name` is a field this release knows, hyphenated as in a text header. */
export const isFlowLogField = (name: string): name is FlowLogField => KNOWN.has(name);

/**
 * A field name as any source spells it, hyphenated as in a text header: `account-id` from a
 * text header, `account_id` from an Athena or Parquet schema, or `${account-id}` from the
 * `LogFormat` that `describe-flow-logs` returns. Known or not: the name is only respelled.
 *
 * @example spelledAsField("${log_status}") // "log-status"
 */
export const spelledAsField = (name: string): string => {
  const bare = name.startsWith("${") && name.endsWith("}") ? name.slice(2, -1) : name;
  return bare.replaceAll("_", "-");
};

/**
 * {@link spelledAsField} for a known field: `undefined` when the name is not one, so the
 * caller can tell a field of this release from one AWS added since.
 *
 * @example normaliseFieldName("log_status") // "log-status"
 */
export const normaliseFieldName = (name: string): FlowLogField | undefined => {
  const spelled = spelledAsField(name);
  return isFlowLogField(spelled) ? spelled : undefined;
};
