import { describe, expect, it } from "vitest";
import {
  DEFAULT_LAYOUT,
  parseFlowLogRecord,
  parseIpAddress,
  parseLayout,
  type FlowLogLayout,
  type FlowLogRecord,
  type IpAddress,
} from "@sg/core";

const ip = (text: string): IpAddress => {
  const parsed = parseIpAddress(text);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return parsed.value;
};

const layout = (header: string): FlowLogLayout => {
  const parsed = parseLayout(header);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return parsed.value;
};

/** AWS's "TCP flag sequence" example format. */
const V3 = layout(
  "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport " +
    "dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status",
);

/** AWS's "Service name, traffic path, and flow direction" example format. */
const V5 = layout(
  "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id " +
    "vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id " +
    "action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service " +
    "traffic-path flow-direction log-status",
);

/** A version 7 custom format with ECS fields and the BPA reject reason, in its own order. */
const V7 = layout(
  "interface-id ecs-cluster-name ecs-task-id srcaddr dstaddr dstport srcport protocol action " +
    "ecs-container-id ecs-service-name flow-direction reject-reason",
);

describe("parseFlowLogRecord on AWS's documented records", () => {
  it.each<[string, string, FlowLogLayout, FlowLogRecord]>([
    [
      "an accepted SSH record (v2)",
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 " +
        "1418530010 1418530070 ACCEPT OK",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-1235b8ca123456789",
        srcaddr: ip("172.31.16.139"),
        dstaddr: ip("172.31.16.21"),
        srcport: 20641,
        dstport: 22,
        protocol: 6,
        packets: 20,
        bytes: 4249,
        start: 1418530010,
        end: 1418530070,
        action: "ACCEPT",
        logStatus: "OK",
      },
    ],
    [
      "a rejected RDP record (v2)",
      "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 " +
        "1418530010 1418530070 REJECT OK",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-1235b8ca123456789",
        srcaddr: ip("172.31.9.69"),
        dstaddr: ip("172.31.9.12"),
        srcport: 49761,
        dstport: 3389,
        protocol: 6,
        packets: 20,
        bytes: 4249,
        start: 1418530010,
        end: 1418530070,
        action: "REJECT",
        logStatus: "OK",
      },
    ],
    [
      "a NODATA record (v2)",
      "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-1235b8ca123456789",
        start: 1431280876,
        end: 1431280934,
        logStatus: "NODATA",
      },
    ],
    [
      "a SKIPDATA record (v2)",
      "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-11111111aaaaaaaaa",
        start: 1431280876,
        end: 1431280934,
        logStatus: "SKIPDATA",
      },
    ],
    [
      "an ICMP record (v2)",
      "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 " +
        "1432917027 1432917142 ACCEPT OK",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-1235b8ca123456789",
        srcaddr: ip("203.0.113.12"),
        dstaddr: ip("172.31.16.139"),
        srcport: 0,
        dstport: 0,
        protocol: 1,
        packets: 4,
        bytes: 336,
        start: 1432917027,
        end: 1432917142,
        action: "ACCEPT",
        logStatus: "OK",
      },
    ],
    [
      "an IPv6 SSH record (v2)",
      "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 " +
        "2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK",
      DEFAULT_LAYOUT,
      {
        version: 2,
        accountId: "123456789010",
        interfaceId: "eni-1235b8ca123456789",
        srcaddr: ip("2001:db8:1234:a100:8d6e:3477:df66:f105"),
        dstaddr: ip("2001:db8:1234:a102:3304:8879:34cf:4071"),
        srcport: 34892,
        dstport: 22,
        protocol: 6,
        packets: 54,
        bytes: 8855,
        start: 1477913708,
        end: 1477913820,
        action: "ACCEPT",
        logStatus: "OK",
      },
    ],
    [
      "a SYN-ACK reply with a doubled space (v3 TCP flag sequence)",
      "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 " +
        "eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638  10.0.0.62 " +
        "52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK",
      V3,
      {
        version: 3,
        vpcId: "vpc-abcdefab012345678",
        subnetId: "subnet-aaaaaaaa012345678",
        instanceId: "i-01234567890123456",
        interfaceId: "eni-1235b8ca123456789",
        accountId: "123456789010",
        type: "IPv4",
        srcaddr: ip("10.0.0.62"),
        dstaddr: ip("52.213.180.42"),
        srcport: 5001,
        dstport: 43638,
        pktSrcaddr: ip("10.0.0.62"),
        pktDstaddr: ip("52.213.180.42"),
        protocol: 6,
        bytes: 967,
        packets: 14,
        start: 1566933133,
        end: 1566933193,
        action: "ACCEPT",
        tcpFlags: 19,
        logStatus: "OK",
      },
    ],
    [
      "a request through a transit gateway ENI, pkt-srcaddr showing the client (v3)",
      "3 vpc-abcdefab012345678 subnet-11111111aaaaaaaaa - eni-11111111111111111 123456789010 " +
        "IPv4 10.40.1.175 10.40.2.236 39812 80 10.20.33.164 10.40.2.236 6 100 2 1566848875 " +
        "1566848933 ACCEPT 3 OK",
      V3,
      {
        version: 3,
        vpcId: "vpc-abcdefab012345678",
        subnetId: "subnet-11111111aaaaaaaaa",
        interfaceId: "eni-11111111111111111",
        accountId: "123456789010",
        type: "IPv4",
        srcaddr: ip("10.40.1.175"),
        dstaddr: ip("10.40.2.236"),
        srcport: 39812,
        dstport: 80,
        pktSrcaddr: ip("10.20.33.164"),
        pktDstaddr: ip("10.40.2.236"),
        protocol: 6,
        bytes: 100,
        packets: 2,
        start: 1566848875,
        end: 1566848933,
        action: "ACCEPT",
        tcpFlags: 3,
        logStatus: "OK",
      },
    ],
    [
      "an egress call to S3 through an internet gateway (v5)",
      "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 " +
        "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b " +
        "eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 " +
        "- S3 8 egress OK",
      V5,
      {
        version: 5,
        srcaddr: ip("10.0.0.71"),
        dstaddr: ip("52.95.128.179"),
        srcport: 34210,
        dstport: 80,
        protocol: 6,
        start: 1616729292,
        end: 1616729349,
        type: "IPv4",
        packets: 7,
        bytes: 471,
        accountId: "123456789012",
        vpcId: "vpc-abcdefab012345678",
        subnetId: "subnet-aaaaaaaa012345678",
        instanceId: "i-0c50d5961bcb2d47b",
        interfaceId: "eni-1235b8ca123456789",
        region: "ap-southeast-2",
        azId: "apse2-az3",
        action: "ACCEPT",
        tcpFlags: 3,
        pktSrcaddr: ip("10.0.0.71"),
        pktDstaddr: ip("52.95.128.179"),
        pktDstAwsService: "S3",
        trafficPath: 8,
        flowDirection: "egress",
        logStatus: "OK",
      },
    ],
    [
      "an ECS task's ingress record rejected by Block Public Access (v7, custom order)",
      "eni-0f1e2d3c4b5a69788 payments 0123456789abcdef0123456789abcdef 198.51.100.7 " +
        "10.1.4.20 8443 51234 6 REJECT 9c5f1e2d3c4b payments-api ingress BPA",
      V7,
      {
        interfaceId: "eni-0f1e2d3c4b5a69788",
        srcaddr: ip("198.51.100.7"),
        dstaddr: ip("10.1.4.20"),
        dstport: 8443,
        srcport: 51234,
        protocol: 6,
        action: "REJECT",
        flowDirection: "ingress",
        rejectReason: "BPA",
      },
    ],
  ])("should read %s", (_, line, of, expected) => {
    expect(parseFlowLogRecord(line, of)).toEqual({ ok: true, value: expected });
  });
});
