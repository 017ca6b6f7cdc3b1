// Turns the gateway's error envelopes into one error type with a message a
// person can read. The gateway wraps upstream bodies verbatim, so the
// `error` string is often JSON itself (PROTOCOL.md, "Errors").

export type GatewayErrorKind =
  | 'http' // non-2xx answer before the stream
  | 'network' // fetch itself failed: server down, offline
  | 'upstream' // an error chunk inside the stream
  | 'protocol'; // a body we could not understand

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly status: number | undefined;

  constructor(kind: GatewayErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    this.status = status;
  }
}

const MAX_DEPTH = 5;

/** Digs the human message out of `{"error": …}` envelopes, however deeply nested or string-encoded. */
export function messageFromErrorPayload(payload: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH || payload == null) return undefined;
  if (typeof payload === 'string') {
    const trimmed = payload.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
      try {
        return messageFromErrorPayload(JSON.parse(trimmed), depth + 1) ?? trimmed;
      } catch {
        return trimmed;
      }
    }
    return trimmed || undefined;
  }
  if (typeof payload === 'object') {
    const record = payload as Record<string, unknown>;
    for (const key of ['error', 'message', 'detail', 'msg']) {
      if (key in record) {
        const inner = messageFromErrorPayload(record[key], depth + 1);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

const STATUS_WORDS: Record<number, string> = {
  400: 'The gateway rejected the request',
  401: 'The gateway needs authentication',
  403: 'The gateway refused access',
  404: 'Not found on the gateway',
  413: 'The conversation is too large for the gateway',
  429: 'Rate limited',
  500: 'The gateway had an internal error',
  502: 'The gateway could not reach its provider',
  503: 'The gateway is unavailable',
  504: 'The provider took too long to answer',
};

/** Reads an error body (JSON envelope, double-encoded JSON or plain text) into words. */
export function messageFromErrorBody(body: string, status: number): string {
  let parsed: unknown = body;
  try {
    parsed = JSON.parse(body);
  } catch {
    // plain text body: used as is below
  }
  const message = messageFromErrorPayload(parsed);
  const fallback = STATUS_WORDS[status] ?? `The gateway answered with status ${status}`;
  if (!message || message.startsWith('<')) return fallback;
  return message;
}
