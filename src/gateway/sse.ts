// Decodes a text/event-stream body into the `data` payloads of its events.
// Framing (CRLF, "data:" without a space, comments, multi-byte UTF-8 split
// across reads) follows the WHATWG SSE spec via eventsource-parser.
import { EventSourceParserStream } from 'eventsource-parser/stream';

export async function* readSseData(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<string, void, undefined> {
  const reader = body
    // lib.dom types the decoder's input as BufferSource, wider than the body's Uint8Array.
    .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  const cancel = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  let ended = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      yield value.data;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    // A consumer that stops early (error chunk, break) must not leave the body open.
    if (!ended) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
