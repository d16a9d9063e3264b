import type { LogEventSeed } from "../../src/index.js";

/** The first event's timestamp (ms) in generated flow logs: 2023-11-14T22:13:20Z. */
export const FIRST_EVENT_MS = 1_700_000_000_000;

/**
 * `count` default-format (v2) flow-log events, one a minute, spread over two interface
 * streams, every third one a REJECT; the shape CloudWatch Logs delivers them in.
 */
export const flowLogEvents = (count: number): LogEventSeed[] =>
  Array.from({ length: count }, (_, i) => {
    const eni = `eni-0e00000000000000${(i % 2) + 1}`;
    const start = FIRST_EVENT_MS / 1000 + i * 60;
    const action = i % 3 === 2 ? "REJECT" : "ACCEPT";
    return {
      timestamp: start * 1000,
      logStreamName: `${eni}-all`,
      message:
        `2 111122223333 ${eni} 10.0.${i % 256}.9 10.20.1.10 ${49152 + i} 443 6 10 840 ` +
        `${start} ${start + 60} ${action} OK`,
    };
  });
