import { startEmulator, type EmulatorHandle, type EmulatorOptions } from "@sg/aws-emulator";
import { AwsEstate, type AwsEstateOptions } from "@sg/aws-adapter";
import { compareRules, type Inventory } from "@sg/core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The demo estate the live tests seed the emulator from. */
export const DEMO_ESTATE = fileURLToPath(
  new URL("../../../../../examples/demo/estate", import.meta.url),
);

/** Fake credentials: the emulator wants a signature, not a valid one. */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIAEMULATORTEST0001",
  secretAccessKey: "emulator-secret-key",
};

/** The demo's prefix lists with their maximum entries, as the emulator's quota costs. */
export const demoPrefixListCosts = (): Record<string, number> => {
  const text = readFileSync(`${DEMO_ESTATE}/managed-prefix-lists.json`, "utf8");
  const lists = (
    JSON.parse(text) as { PrefixLists: { PrefixListId: string; MaxEntries: number }[] }
  ).PrefixLists;
  return Object.fromEntries(lists.map((list) => [list.PrefixListId, list.MaxEntries]));
};

/** An emulator holding the demo estate, with small Describe pages unless told otherwise. */
export const startDemoEmulator = (options: EmulatorOptions = {}): Promise<EmulatorHandle> =>
  startEmulator({
    estateDir: DEMO_ESTATE,
    prefixListCosts: demoPrefixListCosts(),
    ec2PageSize: 5,
    ...options,
  });

/** A live estate aimed at `endpoint` in us-east-1 with the test credentials. */
export const liveEstate = (endpoint: string, options: AwsEstateOptions = {}): AwsEstate =>
  new AwsEstate({
    endpoint,
    region: "us-east-1",
    credentials: TEST_CREDENTIALS,
    pageSize: 5,
    ...options,
  });

/** Runs `body` against a fresh demo emulator and stops it afterwards, whatever happens. */
export const withDemoEmulator = async <T>(
  options: EmulatorOptions,
  body: (emulator: EmulatorHandle) => Promise<T>,
): Promise<T> => {
  const emulator = await startDemoEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.stop();
  }
};

/**
 * An inventory in a fixed order (groups and interfaces by id, rules canonically), so two
 * readers that list the same estate in different orders compare equal.
 */
export const ordered = (inventory: Inventory): Inventory => ({
  ...inventory,
  groups: [...inventory.groups]
    .map((group) => ({ ...group, rules: [...group.rules].sort(compareRules) }))
    .sort((a, b) => a.groupId.localeCompare(b.groupId)),
  interfaces: [...inventory.interfaces].sort((a, b) => a.interfaceId.localeCompare(b.interfaceId)),
});

/** The error a promise rejects with, or a failure if it resolves. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
};
