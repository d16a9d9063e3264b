import type { ApiError } from "../api-error.js";
import type { Reply } from "../replies.js";
import { escapeXml } from "../xml.js";

const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Members as STS names them on the wire: the JSON key itself, nested structures inline. */
const membersXml = (value: unknown): string => {
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .filter(([, member]) => member !== undefined && member !== null)
      .map(([key, member]) => `<${key}>${membersXml(member)}</${key}>`)
      .join("");
  }
  return escapeXml(String(value));
};

/**
 * A successful STS response: `<ActionResponse><ActionResult>…</ActionResult>` followed by
 * `<ResponseMetadata><RequestId>`, the awsQuery shape (unlike EC2's flat one).
 */
export const stsSuccess = (action: string, body: unknown, requestId: string): Reply => ({
  status: 200,
  headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
  body:
    `${XML_DECLARATION}<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${membersXml(body)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>`,
});

/** An STS error: `<ErrorResponse><Error><Type>Sender</Type><Code>…` with its request id. */
export const stsFailure = (error: ApiError, requestId: string): Reply => ({
  status: error.status,
  headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
  body:
    `${XML_DECLARATION}<ErrorResponse xmlns="${STS_NAMESPACE}"><Error>` +
    `<Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `</Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`,
});
