// Seeded, generated answers: the same text on every run. The benchmark streams
// them as fixtures; the demo gateway streams one as its stress test, so a demo
// can show a long reply streaming.

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = (
  'stream token gateway provider model latency render frame commit block parser buffer layout paint ' +
  'request response header chunk usage prompt completion reasoning context window request scheduler ' +
  'browser server proxy event reader decoder table list code fence heading quote link inline text ' +
  'quickly carefully often rarely always never because while after before during within between'
).split(' ');

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = WORDS[Math.floor(rand() * WORDS.length)]!;
    const r = rand();
    if (r < 0.04) w = `**${w}**`;
    else if (r < 0.07) w = `*${w}*`;
    else if (r < 0.1) w = `\`${w}()\``;
    else if (r < 0.12) w = `[${w}](https://example.com/${w})`;
    words.push(w);
  }
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

function paragraph(rand: () => number): string {
  return Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand)).join(' ');
}

function codeLines(rand: () => number, lines: number, lang: 'ts' | 'python'): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const name = WORDS[Math.floor(rand() * WORDS.length)]!;
    if (lang === 'ts') out.push(i % 7 === 0 ? `export function ${name}${i}(input: string): number {` : i % 7 === 6 ? '}' : `  const ${name}${i} = input.length * ${i} + ${Math.floor(rand() * 100)}; // ${name}`);
    else out.push(i % 6 === 0 ? `def ${name}_${i}(value):` : `    ${name}_${i} = value * ${i} + ${Math.floor(rand() * 100)}  # ${name}`);
  }
  return out;
}

function table(rand: () => number, rows: number): string {
  const lines = ['| Provider | Model | Tokens/s | Notes |', '|---|---|---:|---|'];
  for (let i = 0; i < rows; i++) {
    const w = WORDS[Math.floor(rand() * WORDS.length)]!;
    lines.push(`| provider-${i} | \`model-${w}-${i}\` | ${Math.floor(rand() * 900)} | **${w}** ${WORDS[Math.floor(rand() * WORDS.length)]} |`);
  }
  return lines.join('\n');
}

function section(rand: () => number, index: number): string {
  const parts: string[] = [`## Section ${index + 1}: ${WORDS[Math.floor(rand() * WORDS.length)]}`];
  parts.push(paragraph(rand), paragraph(rand));
  const kind = index % 4;
  if (kind === 0) parts.push(['```ts', ...codeLines(rand, 12 + Math.floor(rand() * 20), 'ts'), '```'].join('\n'));
  if (kind === 1) parts.push(['```python', ...codeLines(rand, 12 + Math.floor(rand() * 20), 'python'), '```'].join('\n'));
  if (kind === 2) {
    parts.push(['1. ' + sentence(rand), '2. ' + sentence(rand), '   - ' + sentence(rand), '   - ' + sentence(rand), '3. ' + sentence(rand)].join('\n'));
    parts.push(table(rand, 8));
  }
  if (kind === 3) parts.push(['- ' + sentence(rand), '- ' + sentence(rand), '- ' + sentence(rand)].join('\n'), `> ${sentence(rand)} ${sentence(rand)}`);
  parts.push(paragraph(rand));
  return parts.join('\n\n');
}

/** A long answer of about `bytes` characters: sections of prose, code, lists, quotes and tables. */
export function mixedAnswer(bytes: number, seed: number): string {
  const rand = lcg(seed);
  const sections: string[] = ['# A streamed answer', paragraph(rand)];
  for (let i = 0; sections.join('\n\n').length < bytes; i++) sections.push(section(rand, i));
  return sections.join('\n\n') + '\n';
}

/** A TypeScript fence of `lines` lines between two sentences. */
export function codeAnswer(lines: number, seed: number): string {
  const rand = lcg(seed);
  return ['Here is the whole module:', '', '```ts', ...codeLines(rand, lines, 'ts'), '```', '', 'That is all of it.', ''].join('\n');
}

/**
 * A numbered list of `items` points, as an LLM often writes a long answer:
 * each a bold title, a paragraph of a sentence and two sub-items, blank lines between (a
 * loose list), every line indented to its item's text ("10. " is four wide).
 */
export function listAnswer(items: number, seed: number): string {
  const rand = lcg(seed);
  const points = Array.from({ length: items }, (_, i) => {
    const pad = ' '.repeat(`${i + 1}. `.length);
    const title = WORDS[Math.floor(rand() * WORDS.length)]!;
    return [`${i + 1}. **${title[0]!.toUpperCase()}${title.slice(1)}**: ${sentence(rand)}`, '', `${pad}${sentence(rand)}`, '', `${pad}- ${sentence(rand)}`, `${pad}- ${sentence(rand)}`].join('\n');
  });
  return ['Here are the points, one by one:', '', points.join('\n\n'), '', 'That is all of them.', ''].join('\n');
}

/** A table of `rows` rows between two sentences. */
export function tableAnswer(rows: number, seed: number): string {
  const rand = lcg(seed);
  return ['Here are the measurements:', '', table(rand, rows), '', 'Those are all the rows.', ''].join('\n');
}
