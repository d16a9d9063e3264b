import type { ApiError } from "./api-error.js";
import { escapeXml, toXml } from "./xml.js";

/** A response ready to write: status, headers and body text. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const JSON_TYPE = "application/x-amz-json-1.1";

/** A successful EC2 Query response: `<ActionResponse>` with the request id first. */
export const ec2Success = (action: string, body: unknown, requestId: string): Reply => ({
  status: 200,
  headers: { "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId },
  body:
    `${XML_DECLARATION}<${action}Response xmlns="${EC2_NAMESPACE}">` +
    `<requestId>${escapeXml(requestId)}</requestId>${toXml(body)}</${action}Response>`,
});

/** An EC2 Query error: `<Response><Errors><Error>` with the capitalised `RequestID`. */
export const ec2Failure = (error: ApiError, requestId: string): Reply => ({
  status: error.status,
  headers: { "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId },
  body:
    `${XML_DECLARATION}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>`,
});

/** A successful JSON 1.1 response. */
export const jsonSuccess = (body: unknown, requestId: string): Reply => ({
  status: 200,
  headers: { "content-type": JSON_TYPE, "x-amzn-requestid": requestId },
  body: JSON.stringify(body),
});

/** A JSON 1.1 error: `{__type, message}`, which the SDK turns into an exception by `__type`. */
export const jsonFailure = (error: ApiError, requestId: string): Reply => ({
  status: error.status,
  headers: { "content-type": JSON_TYPE, "x-amzn-requestid": requestId },
  body: JSON.stringify({ __type: error.code, message: error.message }),
});
