/** How many attempts each AWS call gets when throttled, unless the caller says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** How many items each Describe page asks for; EC2 accepts 5 to 1000. */
export const DEFAULT_PAGE_SIZE = 1000;

/** How long one HTTP request may take before its outcome counts as unknown. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** How many times a write whose outcome was unknown, and found not made, is sent again. */
export const DEFAULT_UNKNOWN_OUTCOME_RETRIES = 2;

/** Credentials given directly, for tests and embedders; the CLI uses the default chain. */
export interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * Where the live estate is and how to talk to it. Everything is optional: by default the
 * SDK's own resolution applies (credential chain, `AWS_REGION` or the profile's Region,
 * `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`).
 */
export interface AwsEstateOptions {
  /** The Region; the SDK's resolution when absent. */
  readonly region?: string;
  /** A named profile of the shared config and credentials files (`--profile`). */
  readonly profile?: string;
  /** An endpoint for every service, instead of the SDK's resolution (tests, proxies). */
  readonly endpoint?: string;
  /** Credentials to use instead of the default chain. */
  readonly credentials?: StaticCredentials;
  /** Attempts per call under the SDK's standard retry; {@link DEFAULT_MAX_ATTEMPTS}. */
  readonly maxAttempts?: number;
  /** Items per Describe page, 5-1000; {@link DEFAULT_PAGE_SIZE}. */
  readonly pageSize?: number;
  /** Per-request timeout; {@link DEFAULT_REQUEST_TIMEOUT_MS}. */
  readonly requestTimeoutMs?: number;
  /** Resends of a write found not made; {@link DEFAULT_UNKNOWN_OUTCOME_RETRIES}. */
  readonly unknownOutcomeRetries?: number;
  /**
   * The inbound rule quota of every group. When given it wins over Service Quotas, as
   * `--max-rules` does; when absent the quota is read (`vpc`/`L-0EA8095F`), else 60.
   */
  readonly quota?: number;
  /** Read only these groups and the interfaces attached to them (`--groups`). */
  readonly groupIds?: readonly string[];
  /**
   * With `groupIds`, read also what decides whether a source is already admitted to their
   * interfaces: the other groups attached to those interfaces, with their rules, and the
   * interfaces of every group those rules reference (extend needs them; a plan does not).
   */
  readonly neighbours?: boolean;
  /**
   * Tags put on every rule this estate authorises, such as the plan digest on apply, so a
   * rule can be traced to the run that made it. Needs `ec2:CreateTags` on the new rules.
   */
  readonly ruleTags?: Readonly<Record<string, string>>;
  /** Where notes go, such as a write being settled by a re-read; silent when absent. */
  readonly log?: (line: string) => void;
}
