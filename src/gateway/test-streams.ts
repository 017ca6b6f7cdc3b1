// Test helpers: bodies and fetches built from exact byte pieces.

export function bodyFrom(pieces: ReadonlyArray<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

/** Every way to cut `bytes` into two reads, plus one read per byte. */
export function* splits(bytes: Uint8Array): Generator<Uint8Array[]> {
  for (let at = 0; at <= bytes.length; at++) yield [bytes.slice(0, at), bytes.slice(at)];
  yield [...bytes].map((b) => Uint8Array.of(b));
}

export function sseResponse(pieces: ReadonlyArray<string | Uint8Array>, init: ResponseInit = {}): Response {
  return new Response(bodyFrom(pieces), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
    ...init,
  });
}
