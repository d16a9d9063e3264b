/**
 * The estate the benchmark's flow logs describe: servers behind elastic network interfaces,
 * the private clients that call them, and a deterministic random source, so every run of
 * the generator writes the same bytes.
 */

/** One logged interface: its id, its address and the ports its services listen on. */
export interface Server {
  readonly interfaceId: string;
  readonly address: string;
  readonly ports: readonly number[];
  /** The first of this server's clients in {@link SyntheticEstate.clients}. */
  readonly firstClient: number;
}

/** The interfaces and clients that the generated records are drawn from. */
export interface SyntheticEstate {
  readonly servers: readonly Server[];
  readonly clients: readonly string[];
  /** How many consecutive clients (wrapping) each server sees. */
  readonly clientsPerServer: number;
}

const SERVICE_PORTS = [443, 22, 5432, 8080, 3306, 6379, 9092, 8443, 25, 389];

/** A small deterministic generator (mulberry32) returning integers below `bound`. */
export const randomSource = (seed: number): ((bound: number) => number) => {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * bound);
  };
};

const hex = (value: number, width: number): string => value.toString(16).padStart(width, "0");

/** A private address in one of the three RFC 1918 blocks, mostly 10/8 as estates are. */
const privateAddress = (next: (bound: number) => number): string => {
  const block = next(10);
  if (block < 7) return `10.${next(256)}.${next(256)}.${1 + next(254)}`;
  if (block < 9) return `172.${16 + next(16)}.${next(256)}.${1 + next(254)}`;
  return `192.168.${next(256)}.${1 + next(254)}`;
};

/**
 * Builds an estate of `servers` interfaces, each listening on one to three service ports
 * and called by `clientsPerServer` of `clients` private clients.
 */
export const syntheticEstate = (
  servers: number,
  clients: number,
  clientsPerServer: number,
  seed: number,
): SyntheticEstate => {
  const next = randomSource(seed);
  const clientAddresses = Array.from({ length: clients }, () => privateAddress(next));

  const serverList = Array.from({ length: servers }, (_, index): Server => {
    const ports = Array.from({ length: 1 + next(3) }, () => SERVICE_PORTS[next(10)]!);
    return {
      interfaceId: `eni-0${hex(0xa11ce, 5)}${hex(index, 11)}`,
      address: `10.20.${index >> 7}.${(index & 127) + 10}`,
      ports: [...new Set(ports)],
      firstClient: next(clients),
    };
  });

  return { servers: serverList, clients: clientAddresses, clientsPerServer };
};
