import type { Ipv4, NetworkInterface } from "@sg/core";
import type { NetworkInterfaceEntry } from "./codecs/network-interfaces-file.js";

/**
 * The model of one exported interface. Its addresses are every private IPv4 it holds,
 * primary first, since flow logs name the primary but traffic may reach a secondary.
 */
export const interfaceOf = (entry: NetworkInterfaceEntry): NetworkInterface => {
  const addresses: Ipv4[] = [
    ...(entry.PrivateIpAddress === undefined ? [] : [entry.PrivateIpAddress]),
    ...(entry.PrivateIpAddresses ?? []).map((address) => address.PrivateIpAddress),
  ];

  return {
    interfaceId: entry.NetworkInterfaceId,
    addresses: [...new Set(addresses)],
    groupIds: entry.Groups.map((group) => group.GroupId),
    ...(entry.SubnetId === undefined ? {} : { subnetId: entry.SubnetId }),
    ...(entry.VpcId === undefined ? {} : { vpcId: entry.VpcId }),
    ...(entry.InterfaceType === undefined ? {} : { interfaceType: entry.InterfaceType }),
  };
};
