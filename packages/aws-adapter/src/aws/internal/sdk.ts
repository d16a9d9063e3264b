import { createRequire } from "node:module";
import type * as Athena from "@aws-sdk/client-athena";
import type * as CloudWatchLogs from "@aws-sdk/client-cloudwatch-logs";
import type * as Ec2 from "@aws-sdk/client-ec2";
import type * as Organizations from "@aws-sdk/client-organizations";
import type * as S3 from "@aws-sdk/client-s3";
import type * as ServiceQuotas from "@aws-sdk/client-service-quotas";
import type * as Sts from "@aws-sdk/client-sts";

/**
 * A `require` for this module: from its URL in the ES module build, and from its file name
 * in the CommonJS build, where `import.meta` is empty.
 */
const load = createRequire((import.meta.url as string | undefined) ?? __filename);

/*
 * The AWS SDK clients, each loaded on first use. Loading all seven takes about 0.4 s, which
 * every command would otherwise pay at start, offline ones included; a live command loads
 * only the services it calls. In Node the SDK's packages are CommonJS (their `main`), so
 * `require` returns the very module an `import` would, and loading stays synchronous.
 */

/** The Athena client package. */
export const athenaSdk = (): typeof Athena => load("@aws-sdk/client-athena");

/** The CloudWatch Logs client package. */
export const logsSdk = (): typeof CloudWatchLogs => load("@aws-sdk/client-cloudwatch-logs");

/** The EC2 client package. */
export const ec2Sdk = (): typeof Ec2 => load("@aws-sdk/client-ec2");

/** The Organizations client package. */
export const organizationsSdk = (): typeof Organizations => load("@aws-sdk/client-organizations");

/** The S3 client package. */
export const s3Sdk = (): typeof S3 => load("@aws-sdk/client-s3");

/** The Service Quotas client package. */
export const quotasSdk = (): typeof ServiceQuotas => load("@aws-sdk/client-service-quotas");

/** The STS client package. */
export const stsSdk = (): typeof Sts => load("@aws-sdk/client-sts");
