import { DEFAULT_MAX_GROUPS } from "@sg/core";
import type { FlagSpec } from "../../cli/command.js";
import { ESTATE_FLAGS } from "../../estate/estate-flags.js";
import { FLOW_LOG_SOURCE_FLAGS } from "../../evidence/flow-log-source-flags.js";

/**
 * extend's flags: the sources (offline or live), the scope, the collapse, the ceiling and
 * public sources.
 */
export const EXTEND_FLAGS: Readonly<Record<string, FlagSpec>> = {
  ...FLOW_LOG_SOURCE_FLAGS,
  ...ESTATE_FLAGS,
  estate: {
    type: "string",
    value: "DIR",
    description: "With --flow-logs: an estate exported with the AWS CLI (NACLs honoured).",
  },
  groups: {
    type: "string",
    multiple: true,
    value: "IDS",
    description: "Only these groups (default: each REJECTing interface's own groups).",
  },
  hours: { type: "string", value: "N", description: "Hours of REJECTs to read (default 24)." },
  now: {
    type: "string",
    value: "ISO",
    description: "The end of the window (default: the newest record; live, the current time).",
  },
  tolerance: {
    type: "string",
    value: "T",
    description: "Gap tolerance for private sources, 0-0.95 (default 0.5).",
  },
  ports: {
    type: "string",
    multiple: true,
    value: "PORTS",
    description: "Only REJECTs on these tcp/udp ports (default: every protocol and port).",
  },
  "max-groups": {
    type: "string",
    value: "N",
    description: `Refuse to change more groups than this (default ${DEFAULT_MAX_GROUPS}).`,
  },
  "include-public": {
    type: "boolean",
    description: "Admit public sources too, classified against AWS's ip-ranges.json.",
  },
  "ip-ranges": {
    type: "string",
    value: "FILE|URL",
    description:
      "With --include-public: AWS's ip-ranges.json, saved or at an http(s) URL (default, " +
      "live only: downloaded from ip-ranges.amazonaws.com).",
  },
  "no-aws-summarise": {
    type: "boolean",
    description: "Admit public sources as /32s, not as their AWS service prefix.",
  },
  "dry-run": { type: "boolean", description: "Show what would be authorised; write nothing." },
  "manifest-dir": {
    type: "string",
    value: "DIR",
    description: "Where to write extend-manifest-<UTC>.json (default: the current folder).",
  },
};
