import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { diagnoseRejects, evaluateNacl, type Inventory, type RejectedAttempt } from "@sg/core";
import { admitsAttempt, isPrivate, nacls, scenario } from "./arbitraries.js";

/** The attempts the test itself calls blocked: on the interface, uncovered, in scope. */
const uncovered = (inventory: Inventory, attempts: readonly RejectedAttempt[], pub: boolean) =>
  attempts.filter((attempt) => {
    const nic = inventory.interfaces.find((n) => n.interfaceId === attempt.interfaceId);
    if (nic === undefined || !nic.addresses.includes(attempt.destination)) return false;
    const rules = inventory.groups
      .filter((g) => nic.groupIds.includes(g.groupId))
      .flatMap((g) => g.rules);
    return (
      (pub || isPrivate(attempt.source)) && !rules.some((r) => admitsAttempt(r, attempt, inventory))
    );
  });

describe("diagnoseRejects", () => {
  test.prop([scenario()])(
    "should find exactly the uncovered private attempts",
    ({ inventory, attempts }) => {
      const diagnosis = diagnoseRejects(inventory, attempts);

      expect(diagnosis.blocked.map((b) => b.attempt)).toEqual(
        uncovered(inventory, attempts, false),
      );
    },
  );

  test.prop([scenario()])(
    "should report uncovered public sources only when asked",
    ({ inventory, attempts }) => {
      const diagnosis = diagnoseRejects(inventory, attempts, { includePublic: true });

      expect(diagnosis.blocked.map((b) => b.attempt)).toEqual(uncovered(inventory, attempts, true));
      expect(diagnosis.blocked.every((b) => b.isPrivate === isPrivate(b.attempt.source))).toBe(
        true,
      );
    },
  );

  test.prop([scenario()])(
    "should account for every attempt exactly once",
    ({ inventory, attempts }) => {
      const { stats } = diagnoseRejects(inventory, attempts);

      const total =
        stats.unknownInterface +
        stats.notInterfaceAddress +
        stats.admitted +
        stats.publicSource +
        stats.blocked;
      expect(total).toBe(attempts.length);
    },
  );

  test.prop([scenario(), nacls])(
    "should label each finding with what its subnet's network ACL decides",
    ({ inventory, attempts }, acls) => {
      const diagnosis = diagnoseRejects(inventory, attempts, { nacls: acls });

      for (const { attempt, subnetId, nacl } of diagnosis.blocked) {
        if (subnetId !== "subnet-0") {
          expect(nacl.verdict).toBe("unknown");
          continue;
        }
        const hasPort = attempt.protocol === 6 || attempt.protocol === 17;
        const decided = evaluateNacl(acls[0]!.entries, {
          direction: "inbound",
          protocol: attempt.protocol,
          ...(hasPort ? { port: attempt.port } : {}),
          address: attempt.source,
        });
        expect(nacl.verdict).toBe(decided.action === "allow" ? "allows" : "denies");
      }
    },
  );

  test.prop([scenario()])(
    "should say unknown for every finding when no network ACLs were read",
    ({ inventory, attempts }) => {
      const diagnosis = diagnoseRejects(inventory, attempts);

      expect(diagnosis.blocked.every((b) => b.nacl.verdict === "unknown")).toBe(true);
    },
  );

  test.prop([
    scenario().chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray(s.attempts, { minLength: s.attempts.length })),
    ),
  ])("should find the same sources whatever the order of the attempts", ([s, shuffled]) => {
    const key = (a: RejectedAttempt) => JSON.stringify(a);

    const first = diagnoseRejects(s.inventory, s.attempts).blocked.map((b) => key(b.attempt));
    const second = diagnoseRejects(s.inventory, shuffled).blocked.map((b) => key(b.attempt));

    expect(new Set(second)).toEqual(new Set(first));
  });
});
