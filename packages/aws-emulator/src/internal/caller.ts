/**
 * Who sent a request and where: the access key, the account it belongs to, and the Region
 * and service of its SigV4 credential scope. Signatures are never checked; the scope is
 * only read, as a front end reads it to route.
 */
export interface Caller {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
}

const SCOPE = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;
const ASSUMED_KEY = /^ASIA(\d{12})[0-9A-Z]{4}$/;

/**
 * The access key id of a temporary session in `accountId`: `ASIA`, the 12-digit account
 * and a 4-character serial, 20 characters as AWS key ids are. The emulator issues these
 * from AssumeRole and routes later calls signed with them to that account's estate.
 */
export const sessionAccessKey = (accountId: string, serial: number): string =>
  `ASIA${accountId}${serial.toString(36).toUpperCase().padStart(4, "0").slice(-4)}`;

/** The account a key belongs to: the one a session key encodes, else `defaultAccount`. */
export const accountOfAccessKey = (accessKeyId: string, defaultAccount: string): string =>
  ASSUMED_KEY.exec(accessKeyId)?.[1] ?? defaultAccount;

/**
 * Reads the caller from an `Authorization: AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/
 * SERVICE/aws4_request, …` header; an unreadable header yields the default account in
 * `defaultRegion`, so routing never fails where signing-header checks already passed.
 */
export const callerOf = (
  authorization: string | undefined,
  defaultAccount: string,
  defaultRegion: string,
): Caller => {
  const match = SCOPE.exec(authorization ?? "");
  const accessKeyId = match?.[1] ?? "";
  return {
    accessKeyId,
    accountId: accountOfAccessKey(accessKeyId, defaultAccount),
    region: match?.[2] ?? defaultRegion,
    service: match?.[3] ?? "",
  };
};
