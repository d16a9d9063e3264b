import { join } from "node:path";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import { demoWorkspace, runCli } from "./run-cli.js";

/**
 * A temporary workspace holding the demo estate, its flow logs, approved.json and a
 * plan.json built from them, ready for apply.
 */
export const plannedWorkspace = async (): Promise<string> => {
  const dir = demoWorkspace();
  generateDemoFlowLogs(join(dir, "logs"));
  const analyse = await runCli(
    ["analyse", "--flow-logs", "logs", "--now", "2026-05-28T12:00:00Z", "--out", "approved.json"],
    { cwd: dir },
  );
  const plan = await runCli(
    ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "plan.json"],
    { cwd: dir },
  );
  if (analyse.code !== 0 || plan.code !== 0) {
    throw new Error(`could not prepare the workspace:\n${analyse.stderr}\n${plan.stderr}`);
  }
  return dir;
};
