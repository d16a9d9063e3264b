import * as t from "io-ts";
import { ipv4Text } from "./parsed-text.js";
import { list, record } from "./shapes.js";

const groupIdentifier = record("GroupIdentifier", { GroupId: t.string }, { GroupName: t.string });

const privateIpAddress = record(
  "NetworkInterfacePrivateIpAddress",
  { PrivateIpAddress: ipv4Text },
  { Primary: t.boolean },
);

const networkInterface = record(
  "NetworkInterface",
  { NetworkInterfaceId: t.string, Groups: list(groupIdentifier) },
  {
    PrivateIpAddress: ipv4Text,
    PrivateIpAddresses: list(privateIpAddress),
    InterfaceType: t.string,
    SubnetId: t.string,
    VpcId: t.string,
    RequesterManaged: t.boolean,
    Description: t.string,
    Status: t.string,
  },
);

/** A decoded network interface. */
export type NetworkInterfaceEntry = t.TypeOf<typeof networkInterface>;

/** `network-interfaces.json`: the output of `aws ec2 describe-network-interfaces`. */
export const networkInterfacesFile = record(
  "DescribeNetworkInterfaces output",
  { NetworkInterfaces: list(networkInterface) },
  {},
);
