import type { EC2Client, NetworkInterface as Ec2Interface } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import type { NetworkInterface } from "@sg/core";
import { networkInterfacesFile } from "../../internal/codecs/network-interfaces-file.js";
import { interfaceOf } from "../../internal/interface-entry.js";
import { allPages } from "./all-pages.js";
import { awsRead } from "./aws-read.js";
import { decodeResponse } from "./decode-response.js";
import { filterChunks } from "./filter-chunks.js";

const OPERATION = "DescribeNetworkInterfaces";

/**
 * The account's network interfaces, or those attached to `groupIds`, read page by page
 * and modelled as the offline mode models an exported interface: every private IPv4
 * address (flow logs may name a secondary one) and the groups attached.
 */
export const describeInterfaces = async (
  ec2: EC2Client,
  pageSize: number,
  groupIds?: readonly string[],
): Promise<NetworkInterface[]> => {
  const found = new Map<string, Ec2Interface>();
  for (const Filters of filterChunks("group-id", groupIds)) {
    const listed = await allPages(OPERATION, async (NextToken) => {
      const page = await awsRead(OPERATION, () =>
        ec2.send(
          new (ec2Sdk().DescribeNetworkInterfacesCommand)({
            ...(Filters.length === 0 ? {} : { Filters }),
            MaxResults: pageSize,
            ...(NextToken === undefined ? {} : { NextToken }),
          }),
        ),
      );
      return { items: page.NetworkInterfaces ?? [], nextToken: page.NextToken };
    });
    for (const eni of listed) found.set(eni.NetworkInterfaceId ?? "", eni);
  }

  const interfaces = [...found.values()].map((eni) => ({ ...eni, Groups: eni.Groups ?? [] }));
  return decodeResponse(OPERATION, networkInterfacesFile, {
    NetworkInterfaces: interfaces,
  }).NetworkInterfaces.map(interfaceOf);
};
