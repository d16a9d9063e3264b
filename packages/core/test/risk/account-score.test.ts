import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  SEVERITY_WEIGHTS,
  accountRisk,
  compareAccountRisk,
  rankAccounts,
  riskScore,
  type AccountRisk,
} from "@sg/core";
import { findingOf, findings, severity } from "./arbitraries.js";

const accountIds = fc.uniqueArray(fc.stringMatching(/^[0-9]{12}$/), { minLength: 1, maxLength: 8 });

const accounts = (): fc.Arbitrary<AccountRisk[]> =>
  accountIds.chain((ids) =>
    fc
      .tuple(...ids.map(() => findings(12)))
      .map((perAccount) =>
        ids.map((accountId, i) => accountRisk({ accountId, findings: perAccount[i]! })),
      ),
  );

describe("the account risk score", () => {
  test.prop([findings(), severity()])("should rise when a finding is added", (some, level) => {
    const before = riskScore(some);

    const after = riskScore([...some, findingOf(level)]);

    expect(after).toBeGreaterThan(before);
  });

  test.prop([findings()])("should be the sum of the severity weights", (some) => {
    const expected = some.reduce((sum, finding) => sum + SEVERITY_WEIGHTS[finding.severity], 0);

    expect(riskScore(some)).toBe(expected);
  });

  test.prop([findings(), fc.nat({ max: 10 })])(
    "should list the worst findings first as the top",
    (some, top) => {
      const risk = accountRisk({ accountId: "111111111111", findings: some }, top);

      expect(risk.topFindings).toEqual(risk.findings.slice(0, top));
    },
  );

  it("should count the findings per severity", () => {
    const some = ["HIGH", "LOW", "HIGH", "CRITICAL"].map((level) => findingOf(level as "HIGH"));

    const risk = accountRisk({ accountId: "111111111111", findings: some });

    expect(risk.counts).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 1 });
    expect(risk.score).toBe(100 + 25 + 25 + 1);
  });
});

describe("the ranking of accounts", () => {
  test.prop([accounts()])("should order accounts by score, highest first", (risks) => {
    const ranked = rankAccounts(risks);

    for (let i = 1; i < ranked.length; i += 1) {
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    }
  });

  test.prop([
    accounts().chain((risks) =>
      fc.tuple(fc.constant(risks), fc.shuffledSubarray(risks, { minLength: risks.length })),
    ),
  ])("should not depend on the order accounts arrive in", ([risks, shuffled]) => {
    const ids = (list: AccountRisk[]) => rankAccounts(list).map((risk) => risk.accountId);

    expect(ids(shuffled)).toEqual(ids(risks));
  });

  test.prop([accounts()])("should number the ranks from 1 without gaps", (risks) => {
    expect(rankAccounts(risks).map((risk) => risk.rank)).toEqual(risks.map((_, i) => i + 1));
  });

  it.each([
    ["more CRITICAL wins an equal score", ["CRITICAL"], ["HIGH", "HIGH", "HIGH", "HIGH"], -1],
    ["the lower account id wins a full tie", ["HIGH"], ["HIGH"], -1],
  ] as const)("should break ties: %s", (_case, first, second, expected) => {
    const a = accountRisk({ accountId: "111111111111", findings: first.map((l) => findingOf(l)) });
    const b = accountRisk({ accountId: "222222222222", findings: second.map((l) => findingOf(l)) });

    expect(Math.sign(compareAccountRisk(a, b))).toBe(expected);
  });
});
