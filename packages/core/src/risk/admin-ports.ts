import { ALL_PROTOCOLS, TCP, UDP, type Protocol } from "../rule/protocol.js";
import type { PortRange } from "../rule/rule.js";

/** A port that administers a host or serves a data store, and the protocols it uses. */
export interface AdminPort {
  readonly port: number;
  readonly service: string;
  readonly protocols: readonly Protocol[];
}

const tcp = (port: number, service: string): AdminPort => ({ port, service, protocols: [TCP] });
const udp = (port: number, service: string): AdminPort => ({ port, service, protocols: [UDP] });
const both = (port: number, service: string): AdminPort => ({
  port,
  service,
  protocols: [TCP, UDP],
});

/**
 * The administrative and database ports the severity model treats as CRITICAL when the
 * internet reaches them: remote shells and desktops, Windows management, directory and
 * file sharing, container and cluster control planes, relational and NoSQL databases,
 * caches, search engines and message brokers. Ports whose exposure routinely leads to
 * takeover or data loss, as public scanners and breach reports single them out.
 */
export const ADMIN_PORTS: readonly AdminPort[] = [
  tcp(21, "ftp"),
  tcp(22, "ssh"),
  tcp(23, "telnet"),
  both(111, "rpcbind"),
  tcp(135, "msrpc"),
  tcp(139, "netbios"),
  udp(161, "snmp"),
  tcp(389, "ldap"),
  tcp(445, "smb"),
  udp(623, "ipmi"),
  tcp(636, "ldaps"),
  tcp(1433, "mssql"),
  udp(1434, "mssql-browser"),
  tcp(1521, "oracle"),
  both(2049, "nfs"),
  tcp(2181, "zookeeper"),
  tcp(2375, "docker"),
  tcp(2376, "docker-tls"),
  tcp(2379, "etcd"),
  tcp(2380, "etcd-peer"),
  tcp(3306, "mysql"),
  both(3389, "rdp"),
  tcp(5432, "postgresql"),
  tcp(5601, "kibana"),
  tcp(5672, "amqp"),
  tcp(5900, "vnc"),
  tcp(5984, "couchdb"),
  tcp(5985, "winrm"),
  tcp(5986, "winrm-https"),
  tcp(6379, "redis"),
  tcp(6443, "kubernetes-api"),
  tcp(7474, "neo4j"),
  tcp(8086, "influxdb"),
  tcp(8500, "consul"),
  tcp(9042, "cassandra"),
  tcp(9092, "kafka"),
  tcp(9200, "elasticsearch"),
  tcp(9300, "elasticsearch-transport"),
  tcp(10250, "kubelet"),
  both(11211, "memcached"),
  tcp(15672, "rabbitmq-management"),
  tcp(26257, "cockroachdb"),
  tcp(27017, "mongodb"),
  tcp(27018, "mongodb-shard"),
];

/**
 * Whether a rule or NACL entry opens every port: protocol -1, or TCP/UDP with no range or
 * the whole 0-65535 range. ICMP and other single protocols are not "every port".
 */
export const opensEveryPort = (protocol: Protocol, ports: PortRange | undefined): boolean => {
  if (protocol === ALL_PROTOCOLS) return true;
  if (protocol !== TCP && protocol !== UDP) return false;
  return ports === undefined || (ports.from <= 0 && ports.to >= 65535) || ports.from === -1;
};

/**
 * The administrative ports that traffic of this protocol and port range reaches, in port
 * order: every one for protocol -1, those inside the range for TCP and UDP, none for
 * ICMP or other protocols (they have no ports).
 */
export const adminPortsReached = (
  protocol: Protocol,
  ports: PortRange | undefined,
): AdminPort[] => {
  if (protocol === ALL_PROTOCOLS) return [...ADMIN_PORTS];
  if (protocol !== TCP && protocol !== UDP) return [];

  const every = opensEveryPort(protocol, ports);
  return ADMIN_PORTS.filter(
    (admin) =>
      admin.protocols.includes(protocol) &&
      (every || (ports !== undefined && ports.from <= admin.port && admin.port <= ports.to)),
  );
};

/** An admin port as reports name it: `22/ssh`. */
export const formatAdminPort = (admin: AdminPort): string => `${admin.port}/${admin.service}`;
