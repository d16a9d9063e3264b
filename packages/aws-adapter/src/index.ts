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
export { readJsonFile, type ReadJsonFileOptions } from "./local/read-json-file.js";
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
export { formatS3Location, parseS3Location, type S3Location } from "./aws/flow-logs/s3-location.js";
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

export {
  DEFAULT_IP_RANGES_TIMEOUT_MS,
  IP_RANGES_URL,
  fetchIpRanges,
  type FetchIpRangesOptions,
} from "./aws/ip-ranges/fetch-ip-ranges.js";
export {
  IpRangesFetchError,
  type IpRangesFetchProblem,
} from "./aws/ip-ranges/ip-ranges-fetch-error.js";

export { AwsEstate } from "./aws/aws-estate.js";
export {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_UNKNOWN_OUTCOME_RETRIES,
  type AwsEstateOptions,
  type StaticCredentials,
} from "./aws/aws-estate-options.js";
export { AwsCallError, type AwsCallProblem } from "./aws/aws-call-error.js";
export type { DryRunCall, GroupRuleChanges } from "./aws/group-rule-changes.js";

export * from "./aws/scan/index.js";

export { flowLogPaths, type SkipCounts } from "./local/internal/flow-log-paths.js";
export {
  probeFlowLogFile,
  type FileEncoding,
  type FlowLogFileProbe,
} from "./local/internal/file-encoding.js";

export {
  athenaEvidence,
  type AthenaEvidence,
  type AthenaEvidenceOptions,
} from "./aws/athena/athena-evidence.js";
export { ATHENA_RESULT_COLUMNS, athenaQuery } from "./aws/athena/athena-query.js";
export { parseAthenaTable, type AthenaTable } from "./aws/athena/athena-table.js";
export {
  DOCUMENTED_COLUMNS,
  DOCUMENTED_TABLE_LAYOUT,
  PROJECTED_TABLE_LAYOUT,
  REQUIRED_COLUMNS,
  tableLayoutOf,
  type AthenaPartitioning,
  type AthenaTableLayout,
  type CatalogColumn,
  type CatalogTable,
} from "./aws/athena/athena-table-layout.js";
export {
  DEFAULT_CATALOG,
  readAthenaTableLayout,
  type AthenaTableLayoutOptions,
} from "./aws/athena/read-athena-table-layout.js";
export type { PollPacing, QueryClientOptions } from "./aws/athena/query-client-options.js";
export {
  DEFAULT_INSIGHTS_CONCURRENCY,
  DEFAULT_MIN_SLICE_SECONDS,
  INSIGHTS_ROW_CAP,
  MAX_INSIGHTS_CONCURRENCY,
  insightsEvidence,
  type InsightsEvidence,
  type InsightsEvidenceOptions,
} from "./aws/insights/insights-evidence.js";
export {
  INSIGHTS_LEAD_SECONDS,
  insightsLayoutProblem,
  insightsQuery,
  insightsSpan,
  type InsightsSlice,
} from "./aws/insights/insights-query.js";
