import type { EmulatedService } from "../call-record.js";
import { apiError, type ApiError } from "./api-error.js";
import { formRecord, parseForm, scalar, type Form } from "./form.js";
import { JSON_SERVICES } from "./json/json-actions.js";
import {
  ORGANIZATIONS_ACTIONS,
  ORGANIZATIONS_TARGET,
} from "./organizations/organizations-actions.js";
import { STS_VERSION } from "./sts/sts-actions.js";

/** An HTTP request as the server read it. */
export interface IncomingCall {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A request routed to a protocol, a service and an action, or the error that stopped it. */
export type ParsedCall = {
  readonly service: EmulatedService | "unknown";
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly error?: ApiError;
} & (
  | { readonly protocol: "query"; readonly form: Form }
  | {
      readonly protocol: "json";
      readonly prefix: string;
      readonly body: Readonly<Record<string, unknown>>;
    }
);

const header = (call: IncomingCall, name: string): string | undefined => {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const parseJson = (call: IncomingCall, target: string): ParsedCall => {
  const [prefix = "", action = ""] = target.split(".");
  const known =
    prefix === ORGANIZATIONS_TARGET
      ? { service: "organizations" as const, actions: ORGANIZATIONS_ACTIONS }
      : JSON_SERVICES.get(prefix);
  const service = known?.service ?? "unknown";
  let body: unknown;
  try {
    body = call.body.length === 0 ? {} : JSON.parse(call.body);
  } catch {
    body = undefined;
  }

  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const error = apiError("SerializationException", "The request body is not a JSON object.");
    return { protocol: "json", service, action, prefix, params: {}, body: {}, error };
  }
  const params = body as Record<string, unknown>;
  const error = known?.actions.has(action)
    ? undefined
    : apiError("UnknownOperationException", `The target ${target} is not an operation here.`);
  return {
    protocol: "json",
    service,
    action,
    prefix,
    params,
    body: params,
    ...(error && { error }),
  };
};

const parseQuery = (call: IncomingCall): ParsedCall => {
  const query = call.url.includes("?") ? call.url.slice(call.url.indexOf("?") + 1) : "";
  const form = parseForm([query, call.body].filter((part) => part.length > 0).join("&"));
  const action = scalar(form, "Action") ?? "";
  const { Action: _action, Version: version, ...params } = formRecord(form);
  const service = version === STS_VERSION ? "sts" : "ec2";
  return { protocol: "query", service, action, params, form };
};

/**
 * Routes a request the way AWS front ends do: by `X-Amz-Target` for the JSON 1.1
 * protocols, else by the Query `Action` (STS when its `Version` is STS's, else EC2).
 * Signatures are not checked, but a request without SigV4 headers (`Authorization`,
 * `X-Amz-Date`) is refused, as AWS refuses it.
 */
export const parseCall = (call: IncomingCall): ParsedCall => {
  const target = header(call, "x-amz-target");
  const parsed = target === undefined ? parseQuery(call) : parseJson(call, target);
  if (parsed.error) return parsed;

  const signed =
    header(call, "authorization")?.startsWith("AWS4-HMAC-SHA256") === true &&
    header(call, "x-amz-date") !== undefined;
  if (!signed) {
    const code =
      parsed.protocol === "query"
        ? "MissingAuthenticationToken"
        : "MissingAuthenticationTokenException";
    return { ...parsed, error: apiError(code, "Request is missing Authentication Token") };
  }
  return parsed;
};
