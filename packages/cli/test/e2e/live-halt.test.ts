import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analysedWorkspace, emulatorMeaning, runLive, startDemoEmulator } from "./live-estate.js";

const MUTATIONS = ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"];

/** One mutating call of a clean apply: its action, its group, and its rank in its action. */
interface MutatingCall {
  readonly position: number;
  readonly action: string;
  readonly groupId: string;
  readonly nth: number;
}

const dir = await analysedWorkspace();
const clean = await startDemoEmulator();
const original = await emulatorMeaning(clean);
await runLive(dir, clean, ["plan", "--approved", "approved.json", "--out", "plan.json"]);
await runLive(dir, clean, ["apply", "--plan", "plan.json"]);
const applied = await emulatorMeaning(clean);
const sequence: MutatingCall[] = clean.calls
  .filter((call) => MUTATIONS.includes(call.action))
  .map((call, index, all) => ({
    position: index + 1,
    action: call.action,
    groupId: String(call.params["GroupId"]),
    nth: all.slice(0, index + 1).filter((earlier) => earlier.action === call.action).length,
  }));
await clean.stop();
const groupOrder = [...new Set(sequence.map((call) => call.groupId))];

describe("a live apply that fails at each mutating call in turn", () => {
  it("should make one authorise and one revoke call per step of the plan", () => {
    expect(sequence.length).toBeGreaterThanOrEqual(2 * groupOrder.length);
  });

  it.each(sequence)(
    "should halt at call $position ($action on $groupId) and revert everything",
    async ({ action, nth, groupId }) => {
      // Arrange
      const emulator = await startDemoEmulator();
      for (const name of readdirSync(dir).filter((file) => file.startsWith("manifest-"))) {
        rmSync(join(dir, name));
      }
      emulator.faults.failCall({ action, nth, code: "InjectedFailure", status: 400 });

      try {
        // Act
        const run = await runLive(dir, emulator, ["apply", "--plan", "plan.json"]);
        const halted = await emulatorMeaning(emulator);
        const revertLine = /To undo every change: sg-tightener (.+)/.exec(run.stderr)?.[1];
        const revert = await runLive(dir, emulator, revertLine?.split(" ") ?? ["revert"]);

        // Assert
        expect(run.code).toBe(5);
        expect(run.stderr).toContain(`apply halted at ${groupId}`);
        const failing = groupOrder.indexOf(groupId);
        for (const [index, group] of groupOrder.entries()) {
          expect(halted[group]).toEqual(index < failing ? applied[group] : original[group]);
        }
        expect(revertLine).toMatch(/^revert --manifest manifest-\S+\.json$/);
        expect(revert.code).toBe(0);
        expect(await emulatorMeaning(emulator)).toEqual(original);
      } finally {
        await emulator.stop();
      }
    },
  );
});
