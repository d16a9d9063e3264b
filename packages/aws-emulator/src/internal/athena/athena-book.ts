import type {
  AthenaEmulation,
  AthenaPacing,
  AthenaQueryRecord,
  AthenaTableSeed,
} from "../../athena-emulation.js";

/** Where a query stands: the states Athena reports, in the order it passes them. */
export type QueryState = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

/** One started query: what was asked, which table answers it and how far it has got. */
export interface Execution {
  readonly record: AthenaQueryRecord;
  readonly table: AthenaTableSeed | undefined;
  /** The table the query names first, as written, for the not-found reason. */
  readonly named: string;
  readonly submitted: Date;
  readonly failure: string | undefined;
  polls: number;
  stopped: boolean;
}

/** A query's state now, with the reason Athena gives for a FAILED or CANCELLED one. */
export interface ExecutionStatus {
  readonly state: QueryState;
  readonly reason?: string;
}

const TABLE_REFERENCE = /\bfrom\s+("?)([\w-]+)\1\s*\.\s*("?)([\w-]+)\3/gi;

const idOf = (n: number): string => `a7e0a7e0-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * The emulated Athena's state: registered tables, started queries and the test's knobs.
 * A query is answered by the first table its text names after a FROM (`db.table`, quoted
 * or not) that a test registered; naming none makes it fail as Athena does.
 */
export class AthenaBook implements AthenaEmulation {
  readonly queries: AthenaQueryRecord[] = [];
  private readonly tables = new Map<string, AthenaTableSeed>();
  private readonly executions = new Map<string, Execution>();
  private readonly failures: string[] = [];
  private pacing: Required<AthenaPacing> = { pageSize: 1000, queuedPolls: 1, runningPolls: 2 };

  registerTable(name: string, seed: AthenaTableSeed): void {
    if (!/^[\w-]+\.[\w-]+$/.test(name)) {
      throw new RangeError(`table "${name}" is not of the form database.table`);
    }
    this.tables.set(name.toLowerCase(), seed);
  }

  pace(pacing: AthenaPacing): void {
    this.pacing = { ...this.pacing, ...pacing };
  }

  failQueries(reason: string, times = 1): void {
    for (let n = 0; n < times; n += 1) this.failures.push(reason);
  }

  /** The page size cap in force. */
  get pageSize(): number {
    return this.pacing.pageSize;
  }

  /** The table registered under `database.table`, if any. */
  table(database: string, name: string): AthenaTableSeed | undefined {
    return this.tables.get(`${database}.${name}`.toLowerCase());
  }

  /** Starts a query and returns its execution id. */
  start(request: Omit<AthenaQueryRecord, "queryExecutionId">): string {
    const queryExecutionId = idOf(this.queries.length + 1);
    const record = { queryExecutionId, ...request };
    const references = [...request.query.matchAll(TABLE_REFERENCE)].map(
      ([, , database = "", , table = ""]) => `${database}.${table}`,
    );
    const answering = references.find((name) => this.tables.has(name.toLowerCase()));

    this.queries.push(record);
    this.executions.set(queryExecutionId, {
      record,
      table: answering === undefined ? undefined : this.tables.get(answering.toLowerCase()),
      named: references[0] ?? "(no table)",
      submitted: new Date(),
      failure: this.failures.shift(),
      polls: 0,
      stopped: false,
    });
    return queryExecutionId;
  }

  /** The execution with this id, if one was started. */
  execution(id: string): Execution | undefined {
    return this.executions.get(id);
  }

  /** Where an execution stands; `poll` counts this look as one of its polls. */
  status(execution: Execution, poll: boolean): ExecutionStatus {
    if (poll) execution.polls += 1;

    const { queuedPolls, runningPolls } = this.pacing;
    if (execution.stopped) return { state: "CANCELLED", reason: "Query was cancelled by user" };
    if (execution.polls <= queuedPolls) return { state: "QUEUED" };
    if (execution.polls <= queuedPolls + runningPolls) return { state: "RUNNING" };
    if (execution.failure !== undefined) return { state: "FAILED", reason: execution.failure };
    if (execution.table === undefined) {
      const table = `awsdatacatalog.${execution.named}`;
      const reason = `TABLE_NOT_FOUND: line 1:1: Table '${table}' does not exist`;
      return { state: "FAILED", reason };
    }
    return { state: "SUCCEEDED" };
  }
}
