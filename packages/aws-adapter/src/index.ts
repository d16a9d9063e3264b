/**
 * @sg/aws-adapter: what sg-tightener needs from the world, as ports, and their adapters.
 * The local adapters read an estate exported with the AWS CLI and flow-log files as
 * delivered to S3, so every command can run offline against files.
 */
export type { FlowLogLine, FlowLogSource } from "./ports/flow-log-source.js";
export type { InventoryReader } from "./ports/inventory-reader.js";
export type { RuleWriter } from "./ports/rule-writer.js";
export { RuleWriteError, type RuleWriteErrorCode } from "./ports/rule-write-error.js";

export { ESTATE_FILES, type EstateFile } from "./local/estate-files.js";
export { DEFAULT_RULE_QUOTA, LocalEstate, type LocalEstateOptions } from "./local/local-estate.js";
export type { NetworkAcl, NetworkAclEntry } from "./local/network-acl.js";

export {
  FlowLogFiles,
  type FlowLogFilesOptions,
  type FlowLogReadStats,
} from "./local/flow-log-files.js";
export {
  formatFlowLogKeyPrefix,
  parseFlowLogKey,
  type FlowLogKey,
  type FlowLogKeyParts,
} from "./local/flow-log-key.js";

export { formatDecodeErrors } from "./local/format-decode-errors.js";
export { LocalFileError, type LocalFileProblem } from "./local/local-file-error.js";
export { readJsonFile } from "./local/read-json-file.js";
export { writeFileAtomically } from "./local/write-file-atomically.js";

export {
  CloudWatchLogsSource,
  DEFAULT_CONCURRENCY,
  DEFAULT_SLICE_SECONDS,
  type CloudWatchLogsSourceOptions,
} from "./aws/flow-logs/cloudwatch-logs-source.js";
export {
  S3FlowLogSource,
  type S3FlowLogSourceOptions,
} from "./aws/flow-logs/s3-flow-log-source.js";
export {
  formatS3Location,
  parseS3Location,
  type S3Location,
} from "./aws/flow-logs/s3-location.js";
export {
  cloudWatchLogsClientFor,
  s3ClientFor,
  type FlowLogClientOptions,
} from "./aws/flow-logs/flow-log-clients.js";
export {
  FlowLogSourceError,
  type FlowLogSourceProblem,
} from "./aws/flow-logs/flow-log-source-error.js";
export type { LiveReadListener, LiveReadProgress } from "./aws/flow-logs/live-read-progress.js";
