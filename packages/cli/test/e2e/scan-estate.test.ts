import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoWorkspace, runCli } from "../support/run-cli.js";

const NACLS = {
  NetworkAcls: [
    {
      NetworkAclId: "acl-0demo",
      VpcId: "vpc-0a1b2c3d4e5f60718",
      IsDefault: false,
      Associations: [{ NetworkAclAssociationId: "aclassoc-1", SubnetId: "subnet-1" }],
      Entries: [
        {
          RuleNumber: 100,
          Protocol: "6",
          RuleAction: "allow",
          Egress: false,
          CidrBlock: "0.0.0.0/0",
          PortRange: { From: 3389, To: 3389 },
        },
        {
          RuleNumber: 110,
          Protocol: "-1",
          RuleAction: "allow",
          Egress: false,
          CidrBlock: "10.0.0.0/8",
        },
        {
          RuleNumber: 100,
          Protocol: "-1",
          RuleAction: "allow",
          Egress: true,
          CidrBlock: "0.0.0.0/0",
        },
      ],
    },
  ],
};

describe("sg-tightener scan --estate on the demo estate", () => {
  it("should rate the internet on tcp/80 HIGH and broad private rules MEDIUM and LOW", async () => {
    const dir = demoWorkspace();

    const run = await runCli(["scan", "--estate", "estate", "--format", "json"], { cwd: dir });

    const report = JSON.parse(run.stdout);
    const rated = report.accounts[0].findings.map(
      (f: { severity: string; traffic: string; source: string; tightenable: boolean }) =>
        `${f.severity} ${f.traffic} ${f.source} ${f.tightenable ? "tightenable" : "kept"}`,
    );
    expect(run.code).toBe(0);
    expect(report.accounts[0].accountId).toBe("111122223333");
    expect(rated).toEqual([
      "HIGH tcp/80 0.0.0.0/0 kept",
      "MEDIUM tcp/9090 172.16.0.0/12 tightenable",
      "MEDIUM tcp/5432 10.4.0.0/16 tightenable",
      "MEDIUM tcp/8443 10.8.0.0/16 tightenable",
      "MEDIUM tcp/443 10.0.0.0/16 tightenable",
      "LOW tcp/443 10.20.0.0/22 tightenable",
    ]);
    expect(report.accounts[0].score).toBe(25 + 4 * 5 + 1);
  });

  it("should label network-acls.json when the estate has one", async () => {
    const dir = demoWorkspace();
    writeFileSync(join(dir, "estate/network-acls.json"), JSON.stringify(NACLS, null, 4));

    const run = await runCli(["scan", "--estate", "estate"], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /acl-0demo\s+100\s+internet-admin-ports\s+tcp\/3389\s+0\.0\.0\.0\/0/,
    );
    expect(run.stdout).toMatch(/acl-0demo\s+110\s+broad-private\s+all\s+10\.0\.0\.0\/8/);
  });

  it("should exit 7 when the estate holds a CRITICAL rule", async () => {
    const dir = demoWorkspace();
    const path = join(dir, "estate/security-groups.json");
    const groups = JSON.parse(readFileSync(path, "utf8"));
    groups.SecurityGroups[0].IpPermissions.push({
      IpProtocol: "tcp",
      FromPort: 3389,
      ToPort: 3389,
      IpRanges: [{ CidrIp: "0.0.0.0/0" }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: [],
    });
    writeFileSync(path, JSON.stringify(groups, null, 4));
    rmSync(join(dir, "estate/security-group-rules.json"));

    const run = await runCli(["scan", "--estate", "estate"], { cwd: dir });

    expect(run.code).toBe(7);
    expect(run.stdout).toMatch(
      /CRITICAL\s+sg-0a11ce0000000web1 \(web-tier\)\s+.*tcp\/3389\s+0\.0\.0\.0\/0/,
    );
  });

  it("should exit 3 naming the folder when the estate cannot be read", async () => {
    const run = await runCli(["scan", "--estate", "no-such-dir"], { cwd: demoWorkspace() });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("no-such-dir");
  });
});
