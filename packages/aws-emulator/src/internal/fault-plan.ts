import type { EmulatedService } from "../call-record.js";
import type { CallFailure, Faults, Latency, Throttle } from "../faults.js";
import { apiError, type ApiError } from "./api-error.js";
import { seededRandom } from "./random.js";

interface ArmedFailure {
  readonly failure: CallFailure;
  seen: number;
  fired: number;
}

const THROTTLES: Readonly<Record<EmulatedService, ApiError>> = {
  ec2: apiError("RequestLimitExceeded", "Request limit exceeded."),
  logs: apiError("ThrottlingException", "Rate exceeded"),
  servicequotas: apiError("TooManyRequestsException", "Rate exceeded"),
  organizations: apiError("TooManyRequestsException", "Rate exceeded"),
  sts: apiError("Throttling", "Rate exceeded"),
  athena: apiError("TooManyRequestsException", "Rate exceeded"),
};

/** What the armed faults decide for one call: a delay, and an error that replaces it. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly error?: ApiError;
  readonly kind?: "injected" | "throttled";
}

/**
 * The armed faults and the seeded generator behind throttling. The server asks it once per
 * call, in arrival order, which is what makes a run with the same seed reproducible.
 */
export class FaultPlan implements Faults {
  private failures: ArmedFailure[] = [];
  private throttles: Throttle[] = [];
  private latencies: Latency[] = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  failCall(failure: CallFailure): void {
    this.failures.push({ failure, seen: 0, fired: 0 });
  }

  throttle(throttle: Throttle): void {
    this.throttles.push(throttle);
  }

  delay(latency: Latency): void {
    this.latencies.push(latency);
  }

  clear(): void {
    this.failures = [];
    this.throttles = [];
    this.latencies = [];
  }

  /** Decides the fate of one call; counts it against every armed failure of its action. */
  decide(service: EmulatedService, action: string): FaultDecision {
    const delayMs = Math.max(
      0,
      ...this.latencies
        .filter((l) => l.action === undefined || l.action === action)
        .map((l) => l.ms),
    );

    const failed = this.nextFailure(action);
    if (failed) {
      const { code, message, status } = failed;
      const error = apiError(code, message ?? `Injected fault ${code}`, status);
      return { delayMs, error, kind: "injected" };
    }

    const throttle = this.throttles.find((candidate) => candidate.action === action);
    if (throttle && this.random() < throttle.fraction) {
      return { delayMs, error: THROTTLES[service], kind: "throttled" };
    }
    return { delayMs };
  }

  private nextFailure(action: string): CallFailure | undefined {
    let firing: CallFailure | undefined;
    for (const armed of this.failures.filter((candidate) => candidate.failure.action === action)) {
      armed.seen += 1;
      const times = armed.failure.times ?? 1;
      if (firing === undefined && armed.seen >= armed.failure.nth && armed.fired < times) {
        armed.fired += 1;
        firing = armed.failure;
      }
    }
    this.failures = this.failures.filter((armed) => armed.fired < (armed.failure.times ?? 1));
    return firing;
  }
}
