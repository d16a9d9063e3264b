import { err, formatProtocol, hasPorts, ok, parseProtocol, type Result } from "@sg/core";
import { apiError, type ApiError } from "./api-error.js";

/**
 * The protocol of a rule as the emulator stores it: `tcp`, `udp`, `icmp`, `icmpv6`, `-1`,
 * or any other IANA number as a string. Numbers with a name are stored under the name, so
 * `6` and `tcp` are the same rule (how EC2 treats them is unconfirmed).
 */
export const normaliseProtocol = (text: string): Result<string, ApiError> => {
  const parsed = parseProtocol(text.trim());
  if (!parsed.ok) {
    return err(
      apiError(
        "InvalidParameterValue",
        `Invalid value '${text}' for IP protocol. Expected tcp, udp, icmp, icmpv6, -1 or 0-255.`,
      ),
    );
  }
  return ok(formatProtocol(parsed.value));
};

/** Whether EC2 keeps the port range for this stored protocol; all others open every port. */
export const keepsPorts = (protocol: string): boolean => {
  const parsed = parseProtocol(protocol);
  return parsed.ok && hasPorts(parsed.value);
};
