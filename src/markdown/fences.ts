// Reading a block that is a code fence, open or closed, without the markdown
// parser: the renderer streams and settles such blocks through CodeBlock.

const FENCE_LINE = /^(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n?/;

/** Splits a tail that opens with a code fence into its language and body. */
export function parseOpenFence(tail: string): { language: string | undefined; body: string } | undefined {
  const match = FENCE_LINE.exec(tail);
  if (!match) return undefined;
  if (!match[0].endsWith('\n')) return { language: undefined, body: '' };
  return { language: match[2] || undefined, body: tail.slice(match[0].length) };
}

/**
 * A block that is exactly one closed fence at the margin, as CommonMark reads
 * it: the code and the info string's first word. Anything unusual (escapes or
 * entities in the info string, CR line ends, text after the fence) returns
 * undefined and goes through the markdown parser instead.
 */
export function parseClosedFence(block: string): { language: string | undefined; code: string } | undefined {
  // Every live tail that is not an open fence comes here once a frame: the anchored test fails first.
  const open = /^(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+#.-]*)[ \t]*\n/.exec(block);
  if (!open?.[1] || block.includes('\r')) return undefined;
  const marker = open[1];
  const rest = block.slice(open[0].length).replace(/\n+$/, '');
  const lastNewline = rest.lastIndexOf('\n');
  const closing = rest.slice(lastNewline + 1);
  const closes = (line: string): boolean => new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`).test(line);
  if (!closes(closing)) return undefined;
  const body = lastNewline < 0 ? '' : rest.slice(0, lastNewline);
  // An earlier closing line would end the fence sooner: then the block holds more than one fence.
  if (body.split('\n').some(closes)) return undefined;
  return { language: open[2] || undefined, code: body };
}
