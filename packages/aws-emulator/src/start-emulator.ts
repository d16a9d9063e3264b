import type { CallRecord } from "./call-record.js";
import type { EmulatorOptions } from "./emulator-options.js";
import type { EmulatorState } from "./emulator-state.js";
import type { Faults } from "./faults.js";
import { DEFAULT_REGIONS } from "./internal/default-regions.js";
import { FaultPlan } from "./internal/fault-plan.js";
import { listen } from "./internal/listen.js";
import { seedStore } from "./internal/seed-store.js";
import { loadEstateDir } from "./load-estate-dir.js";

/** A running emulator: where to point SDK clients, and the handles a test holds. */
export interface EmulatorHandle {
  /** The base URL to pass as the SDK client's `endpoint` (http://127.0.0.1:PORT). */
  readonly endpoint: string;
  /** The estate, read back in AWS CLI shapes. */
  readonly state: EmulatorState;
  /** Faults to arm while the emulator runs. */
  readonly faults: Faults;
  /** Every call received so far, in arrival order (a live view). */
  readonly calls: readonly CallRecord[];
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

const requestIdOf = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * Starts an emulator of the EC2 Query, CloudWatch Logs and Service Quotas JSON protocols
 * on 127.0.0.1 at a free port, seeded from `options` (see {@link EmulatorOptions}). It
 * exists so adapter tests run the real SDK v3 clients over HTTP, faults included.
 *
 * @example
 * const emulator = await startEmulator({ estateDir, ec2PageSize: 5 });
 * const ec2 = new EC2Client({ endpoint: emulator.endpoint, region: "us-east-1", credentials });
 * await ec2.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5 })); // 5 rules, NextToken
 * emulator.state.exportSecurityGroupRules(); // { SecurityGroupRules: [...] }, CLI-shaped
 * await emulator.stop();
 */
export const startEmulator = async (options: EmulatorOptions = {}): Promise<EmulatorHandle> => {
  const estate =
    options.estate ?? (options.estateDir ? await loadEstateDir(options.estateDir) : undefined);
  const store = seedStore(options, estate);
  const faults = new FaultPlan(options.seed ?? 1);
  const calls: CallRecord[] = [];
  let requests = 0;

  const { server, endpoint } = await listen({
    ec2: {
      store,
      pageCap: options.ec2PageSize ?? 1000,
      prefixListCosts: options.prefixListCosts ?? {},
      defaultVpcIds: new Set(options.defaultVpcIds ?? []),
      regions: options.regions ?? DEFAULT_REGIONS,
    },
    json: {
      store,
      logsPageSize: options.logsPageSize,
      emptyLogPages: new Set(options.emptyLogPages ?? []),
      serviceQuotas: options.serviceQuotas ?? {},
    },
    faults,
    deniedActions: new Set(options.deniedActions ?? []),
    calls,
    nextRequestId: () => requestIdOf((requests += 1)),
  });

  const stop = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { endpoint, state: store, faults, calls, stop };
};
