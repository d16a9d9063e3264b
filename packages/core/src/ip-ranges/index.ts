/**
 * AWS's published IP ranges: reading ip-ranges.json and classifying public addresses by
 * the service that owns them, so managed-service traffic is trusted as its prefix.
 */
export { AMAZON_SERVICE, EC2_SERVICE, type IpRangePrefix, type IpRanges } from "./ip-ranges.js";
export { parseIpRanges, type IpRangesProblem } from "./parse-ip-ranges.js";
export { awsSourceClassifier, type AwsSource } from "./aws-source.js";
