import type { CallRecord } from "./call-record.js";
import type { EmulatorOptions } from "./emulator-options.js";
import type { EmulatorState } from "./emulator-state.js";
import type { Faults } from "./faults.js";
import type { AthenaEmulation } from "./athena-emulation.js";
import type { InsightsEmulation } from "./insights-emulation.js";
import { AthenaBook } from "./internal/athena/athena-book.js";
import { InsightsBook } from "./internal/insights/insights-book.js";
import { DEFAULT_REGIONS } from "./internal/default-regions.js";
import { EstateRegistry } from "./internal/estate-registry.js";
import { organizationModel } from "./internal/organizations/organization-model.js";
import { seedEstates } from "./internal/seed-estates.js";
import { SessionBook } from "./internal/sts/session-book.js";
import { FaultPlan } from "./internal/fault-plan.js";
import { listen } from "./internal/listen.js";
import { seedStore } from "./internal/seed-store.js";
import { loadEstateDir } from "./load-estate-dir.js";

/** A running emulator: where to point SDK clients, and the handles a test holds. */
export interface EmulatorHandle {
  /** The base URL to pass as the SDK client's `endpoint` (http://127.0.0.1:PORT). */
  readonly endpoint: string;
  /** The estate of the default account and Region, read back in AWS CLI shapes. */
  readonly state: EmulatorState;
  /** The estate of one account in one Region (empty until seeded or first called). */
  stateOf(accountId: string, region: string): EmulatorState;
  /** Faults to arm while the emulator runs. */
  readonly faults: Faults;
  /** Every call received so far, in arrival order (a live view). */
  readonly calls: readonly CallRecord[];
  /** The emulated Athena: register tables and canned results, read the queries asked. */
  readonly athena: AthenaEmulation;
  /** The emulated Logs Insights: register rows, cap results, read the queries asked. */
  readonly insights: InsightsEmulation;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

const requestIdOf = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * Starts an emulator of the EC2 and STS Query protocols and the CloudWatch Logs, Service
 * Quotas and Organizations JSON protocols on 127.0.0.1 at a free port, seeded from
 * `options` (see {@link EmulatorOptions}). It exists so adapter tests run the real SDK v3
 * clients over HTTP, faults included.
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
  const athena = new AthenaBook();
  const insights = new InsightsBook();
  let requests = 0;

  const ec2 = {
    pageCap: options.ec2PageSize ?? 1000,
    prefixListCosts: options.prefixListCosts ?? {},
    defaultVpcIds: new Set(options.defaultVpcIds ?? []),
    regions: options.regions ?? DEFAULT_REGIONS,
  };
  const estates = new EstateRegistry(options, store, await seedEstates(options.estates ?? []), ec2);
  const { accountId } = store.settings;
  const organization = options.organization && organizationModel(options.organization, accountId);

  const { server, endpoint } = await listen({
    ec2: { ...ec2, store },
    estates,
    organizations: {
      organization,
      pageSize: options.organizationsPageSize ?? 20,
      emptyPages: new Set(options.emptyOrganizationPages ?? []),
    },
    sts: { organization, sessions: new SessionBook(), now: () => new Date() },
    json: {
      store,
      logsPageSize: options.logsPageSize,
      emptyLogPages: new Set(options.emptyLogPages ?? []),
      serviceQuotas: options.serviceQuotas ?? {},
      athena,
      insights,
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
  const stateOf = (account: string, region: string): EmulatorState =>
    estates.storeFor(account, region);
  return { endpoint, state: store, stateOf, faults, calls, athena, insights, stop };
};
