import { describe, expect, it } from 'vitest';
import { readSseData } from './sse.ts';
import { bodyFrom, splits } from './test-streams.ts';

async function collect(pieces: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(bodyFrom(pieces))) out.push(data);
  return out;
}

const FRAMES =
  ': keep-alive comment\r\n\r\n' +
  'data: {"text":"héllo 👋"}\r\n\r\n' +
  'data:{"text":"no space"}\n\n' +
  'data: {"text":"日本語"}\r\n' +
  '\r\n' +
  ': another comment\n' +
  'data: [DONE]\n\n';

const EXPECTED = ['{"text":"héllo 👋"}', '{"text":"no space"}', '{"text":"日本語"}', '[DONE]'];

describe('readSseData', () => {
  it('yields the same events however the bytes are split across reads', async () => {
    const bytes = new TextEncoder().encode(FRAMES);
    let cases = 0;
    for (const pieces of splits(bytes)) {
      expect(await collect(pieces)).toEqual(EXPECTED);
      cases++;
    }
    expect(cases).toBe(bytes.length + 2);
  });

  it('splits multi-byte characters mid-character without corrupting them', async () => {
    const bytes = new TextEncoder().encode('data: 👋\n\n');
    // The emoji's four bytes start at offset 6: cut inside it.
    expect(await collect([bytes.slice(0, 8), bytes.slice(8)])).toEqual(['👋']);
  });

  it('joins several data lines of one event with a newline, as the spec says', async () => {
    expect(await collect([new TextEncoder().encode('data: a\ndata: b\n\n')])).toEqual(['a\nb']);
  });

  it('stops reading when the signal aborts', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('data: one\n\n'));
      },
    });
    const seen: string[] = [];
    for await (const data of readSseData(body, controller.signal)) {
      seen.push(data);
      controller.abort();
    }
    expect(seen).toEqual(['one']);
  });
});
