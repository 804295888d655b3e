/** Response helpers with the platform's shapes: `{result}` bodies and `{error, status}` failures. */
import { HttpResponse } from 'msw';

const JSON_TYPE = 'application/json;charset=UTF-8';

/** The platform's default message and detail per error status. */
const DEFAULTS: Readonly<Record<number, readonly [string, string]>> = {
  400: ['Bad Request', 'The request could not be processed'],
  401: ['User Not Authenticated', 'Required to provide Auth information'],
  403: ['User Not Authorized', 'ACL Exception Read Failed due to security constraints'],
  404: ['No Record found', "Record doesn't exist or ACL restricts the record retrieval"],
  429: ['Too Many Requests', 'Rate limit exceeded for this user'],
  500: ['Internal Server Error', 'An unexpected error occurred on the instance'],
  502: ['Bad Gateway', 'The instance did not answer the load balancer'],
  503: ['Service Unavailable', 'The instance is temporarily unavailable (maintenance or overload)'],
};

/** An error answer: `{"error":{"message","detail"},"status":"failure"}`. */
export function errorResponse(
  status: number,
  message?: string,
  detail?: string,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  const [defaultMessage, defaultDetail] = DEFAULTS[status] ?? ['Error', `HTTP ${status}`];
  const body = {
    error: { message: message ?? defaultMessage, detail: detail ?? defaultDetail },
    status: 'failure',
  };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
  });
}

/** A success answer `{"result": …}`. */
export function resultResponse(
  result: unknown,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  return new HttpResponse(JSON.stringify({ result }), {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
  });
}

/** The body a broken proxy or an expired session would send instead of JSON. */
export const LOGIN_PAGE_HTML =
  '<!DOCTYPE html><html><head><title>ServiceNow</title></head><body><form id="login" action="login.do">' +
  '<input name="user_name"><input name="user_password" type="password"></form></body></html>';
