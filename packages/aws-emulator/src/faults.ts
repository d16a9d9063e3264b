/** Fail calls of one action from the `nth` call after arming (1-based), `times` in a row. */
export interface CallFailure {
  readonly action: string;
  readonly nth: number;
  readonly code: string;
  readonly message?: string;
  /** HTTP status; taken from the code when absent (503 for RequestLimitExceeded, else 400…). */
  readonly status?: number;
  /** How many consecutive calls fail, from the nth on (default 1). */
  readonly times?: number;
}

/**
 * Throttle a fraction (0-1) of the calls of one action, chosen by the emulator's seeded
 * generator: `RequestLimitExceeded` (503) for EC2, `ThrottlingException` for CloudWatch
 * Logs, `TooManyRequestsException` for Service Quotas.
 */
export interface Throttle {
  readonly action: string;
  readonly fraction: number;
}

/** Delay the response to calls of one action, or of every action when none is named. */
export interface Latency {
  readonly action?: string;
  readonly ms: number;
}

/**
 * Faults a test arms while the emulator runs. Each applies to calls that arrive after it
 * is armed; an armed failure fires once (or `times` times) and is then spent.
 */
export interface Faults {
  failCall(failure: CallFailure): void;
  throttle(throttle: Throttle): void;
  delay(latency: Latency): void;
  /** Disarms every fault. */
  clear(): void;
}
