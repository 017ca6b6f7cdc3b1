import { describe, expect, it } from 'vitest';
import type { Conversation } from './conversations.ts';
import { closeOpenFence, comparisonFileName, comparisonToMarkdown, conversationsFromJson, conversationsToJson, conversationToMarkdown, exportFileName, ImportError } from './export.ts';
import { assistantReply } from './test-messages.ts';
import type { AssistantMessage, ImageAttachment, Message } from './types.ts';

const reply = (over: Partial<AssistantMessage>): AssistantMessage =>
  assistantReply({
    id: 'r1',
    model: 'groq/llama',
    content: 'Goroutines are **cheap**.',
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    timing: { startedAt: 1, firstTokenAt: 2, endedAt: 3 },
    ...over,
  });
const conversation: Conversation = {
  id: 'abc-123',
  title: 'Goroutines vs threads?',
  createdAt: 100,
  updatedAt: 200,
  messages: [{ id: 'u1', role: 'user', content: 'Explain goroutines' }, reply({})],
};

/** A message sent with images, and its reply. */
const asked = (id: string, images: ImageAttachment[]): Message[] => [{ id, role: 'user', content: 'What is this?', images }, reply({ id: `r-${id}` })];

const fails = (json: string) => () => conversationsFromJson(json);
const firstTokenFigure = (message: AssistantMessage): string => `First token ${message.timing.firstTokenAt! - message.timing.startedAt} ms`;

describe('export', () => {
  it('writes Markdown with a heading per turn, the reply as markdown and its tokens', () => {
    expect(conversationToMarkdown(conversation)).toBe(
      '# Goroutines vs threads?\n\n## You\n\nExplain goroutines\n\n## Assistant (groq/llama)\n\nGoroutines are **cheap**.\n\n_Tokens: 10 prompt, 5 completion, 15 total._\n',
    );
    const failed = { ...conversation, messages: [reply({ content: '', status: 'failed', error: 'Rate limit exceeded', usage: undefined })] };
    expect(conversationToMarkdown(failed)).toContain('## Assistant (groq/llama)\n\n> Error: Rate limit exceeded\n\n_(failed)_');
  });

  it('adds a reply’s measured figures under its tokens, in the words given', () => {
    expect(conversationToMarkdown(conversation, firstTokenFigure)).toContain('_Tokens: 10 prompt, 5 completion, 15 total._\n\n_First token 1 ms._\n');
    expect(conversationToMarkdown(conversation, () => undefined)).toBe(conversationToMarkdown(conversation));
  });

  it('writes a comparison: the summary given, then each lane\'s turns under its model, named after what was asked', () => {
    const lanes = [
      { model: 'groq/llama', messages: conversation.messages },
      { model: 'openai/gpt-4o-mini', messages: [conversation.messages[0]!, reply({ model: 'openai/gpt-4o-mini', content: 'Threads are *heavier*.' })] },
    ];
    expect(comparisonToMarkdown(lanes, '## Last message\n\n> Explain goroutines', firstTokenFigure)).toBe(
      [
        '# Comparison: groq/llama, openai/gpt-4o-mini',
        '## Last message\n\n> Explain goroutines',
        '## groq/llama',
        '### You\n\nExplain goroutines',
        '### Assistant (groq/llama)\n\nGoroutines are **cheap**.\n\n_Tokens: 10 prompt, 5 completion, 15 total._\n\n_First token 1 ms._',
        '## openai/gpt-4o-mini',
        '### You\n\nExplain goroutines',
        '### Assistant (openai/gpt-4o-mini)\n\nThreads are *heavier*.\n\n_Tokens: 10 prompt, 5 completion, 15 total._\n\n_First token 1 ms._',
      ].join('\n\n') + '\n',
    );
    expect(comparisonFileName(lanes)).toBe('compare-explain-goroutines.md');
    expect(comparisonFileName([{ model: 'a/b', messages: [] }])).toBe('compare.md');
    expect(comparisonFileName(lanes, 'html')).toBe('compare-explain-goroutines.html');
    // A reply picked in a blind test says so by its heading.
    const picked = [lanes[0]!, { ...lanes[1]!, messages: [conversation.messages[0]!, reply({ model: 'openai/gpt-4o-mini', content: 'Threads.', preferred: true })] }];
    expect(comparisonToMarkdown(picked, undefined)).toContain('### Assistant (groq/llama)\n\nGoroutines');
    expect(comparisonToMarkdown(picked, undefined)).toContain('### Assistant (openai/gpt-4o-mini) · picked in a blind test\n\nThreads.');
  });

  it('reads back what it wrote', () => {
    expect(conversationsFromJson(conversationsToJson([conversation]))).toEqual([conversation]);
    // A blind test's pick too (a compare lane's history is kept as this JSON).
    const picked = { ...conversation, messages: [conversation.messages[0]!, reply({ preferred: true })] };
    expect(conversationsFromJson(conversationsToJson([picked]))).toEqual([picked]);
  });

  it('keeps the images sent with a message: in the JSON, read back, and in the Markdown itself; it leaves out what is not an image', () => {
    const dot = { name: 'dot [1].png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' };
    const withImages: Conversation = { ...conversation, messages: [{ id: 'u1', role: 'user', content: 'What is this?', images: [dot] }, reply({})] };
    expect(conversationsFromJson(conversationsToJson([withImages]))).toEqual([withImages]);
    // By reference, its data at the file's end: the turns read as text.
    const markdown = conversationToMarkdown(withImages);
    expect(markdown).toContain('## You\n\n![dot 1.png][sent-image-1]\n\nWhat is this?');
    expect(markdown.endsWith('\n\n[sent-image-1]: data:image/png;base64,iVBORw==\n')).toBe(true);
    const script = { name: 'x', type: 'image/png', dataUrl: 'javascript:alert(1)' };
    const json = conversationsToJson([{ ...withImages, messages: [{ id: 'u1', role: 'user', content: 'Hi', images: [dot, script] }] }]);
    expect(conversationsFromJson(json)[0]?.messages[0]).toEqual({ id: 'u1', role: 'user', content: 'Hi', images: [dot] });
  });

  it('writes an image sent again (an edit, every lane of a comparison) once, and each new one under its own reference', () => {
    const dot = { name: 'dot.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' };
    const chart = { name: 'chart.png', type: 'image/png', dataUrl: 'data:image/png;base64,Q0hBUlQ=' };
    const lanes = [
      { model: 'groq/llama-3.3-70b-versatile', messages: asked('u1', [dot]) },
      { model: 'openai/gpt-4o-mini', messages: [...asked('u2', [dot]), ...asked('u3', [chart, dot])] },
    ];
    const markdown = comparisonToMarkdown(lanes, undefined);
    expect(markdown.match(/!\[dot\.png\]\[sent-image-1\]/g)).toHaveLength(3);
    expect(markdown).toContain('![chart.png][sent-image-2]\n\n![dot.png][sent-image-1]');
    expect(markdown.match(/base64/g)).toHaveLength(2);
    expect(markdown.endsWith('\n\n[sent-image-1]: data:image/png;base64,iVBORw==\n[sent-image-2]: data:image/png;base64,Q0hBUlQ=\n')).toBe(true);
    // Without images, no definitions.
    expect(conversationToMarkdown(conversation)).not.toContain('sent-image');
  });

  it('closes a code block a reply was stopped in, so the next turns and the images are not taken into it', () => {
    const cut = reply({ content: 'Here:\n\n```go\nfunc main() {', status: 'stopped', usage: undefined });
    const markdown = conversationToMarkdown({ ...conversation, messages: [conversation.messages[0]!, cut, { id: 'u2', role: 'user', content: 'go on' }] });
    expect(markdown).toContain('```go\nfunc main() {\n```\n\n_(stopped)_\n\n## You\n\ngo on');
    expect(closeOpenFence('a\n~~~~\nx\n~~~\n')).toBe('a\n~~~~\nx\n~~~\n~~~~');
    // Closed ones, a code span of three backticks, and a fence in a list item (the item ends with the reply) are left as they are.
    for (const text of ['```\nx\n```', '``` `x` ```', 'a\n```ts\nx\n````', '- a\n\n    ```\n    x']) expect(closeOpenFence(text)).toBe(text);
  });

  it('writes tool calls in Markdown where they came, as code however many backticks their arguments hold', () => {
    const toolCalls = [
      { index: 0, id: 't1', name: 'search', arguments: '{"q":"go"}', at: 12 },
      { index: 1, id: 't2', name: 'run', arguments: '{"cmd":"echo ``hi``"}' },
    ];
    const markdown = conversationToMarkdown({ ...conversation, messages: [reply({ content: 'Let me look.\n\nFound it.', toolCalls })] });
    expect(markdown).toContain('Let me look.\n\n_Tool call:_ `search({"q":"go"})`\n\nFound it.\n\n_Tool call:_ ```run({"cmd":"echo ``hi``"})```');
  });

  it('reads back a reply’s tool calls and its trace, and leaves out a trace longer than the text', () => {
    const trace = { at: [5, 40], content: [10, 25], reasoning: [0, 0], end: 50 };
    const toolCalls = [
      { index: 0, id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}', at: 12 },
      { index: 1, id: 'call_2', name: 'get_time', arguments: '{}' },
    ];
    const traced = { ...conversation, messages: [reply({ toolCalls, trace })] };
    expect(conversationsFromJson(conversationsToJson([traced]))).toEqual([traced]);
    // Where a call came is a place in the text, or nothing.
    const odd = JSON.parse(conversationsToJson([traced])) as { conversations: Array<{ messages: Array<{ toolCalls: Array<{ at: unknown }> }> }> };
    odd.conversations[0]!.messages[0]!.toolCalls[0]!.at = -3;
    const [read] = conversationsFromJson(JSON.stringify(odd));
    expect((read!.messages[0] as AssistantMessage).toolCalls[0]).toEqual({ ...toolCalls[0], at: undefined });
    const tooLong = { ...conversation, messages: [reply({ trace: { ...trace, content: [10, 26] } })] };
    expect(conversationsFromJson(conversationsToJson([tooLong]))[0]?.messages[0]).not.toHaveProperty('trace');
  });

  it('reads back a regenerated reply\'s earlier versions, and says in Markdown which version is shown', () => {
    const first = reply({ id: 'r0', content: 'First try.', timing: { startedAt: 0, firstTokenAt: 1, endedAt: 2 } });
    const versioned = { ...conversation, messages: [conversation.messages[0]!, reply({ earlier: [first] })] };
    expect(conversationsFromJson(conversationsToJson([versioned]))).toEqual([versioned]);
    const markdown = conversationToMarkdown(versioned);
    expect(markdown).toContain('Goroutines are **cheap**.\n\n_Version 2 of 2._');
    // The version not shown follows, folded away.
    expect(markdown).toContain(`<details>\n<summary>Version 1 of 2 (${first.model})</summary>\n\nFirst try.`);
    expect(markdown.indexOf('<details>')).toBeGreaterThan(markdown.indexOf('_Version 2 of 2._'));
    // A version holding versions of its own is read without them.
    const nested = { ...conversation, messages: [conversation.messages[0]!, reply({ earlier: [{ ...first, earlier: [reply({ id: 'rx' })] }] })] };
    const read = conversationsFromJson(conversationsToJson([nested]))[0]?.messages[1];
    expect(read?.role === 'assistant' && read.earlier?.[0]).not.toHaveProperty('earlier');
  });

  it('reads back an edited message\'s time and earlier versions with what followed them, and says in Markdown which version is shown', () => {
    const before = [{ id: 'u0', role: 'user' as const, content: 'Explain threads', sentAt: 10 }, reply({ id: 'r0', content: 'Threads are heavier.' })];
    const edited = { ...conversation, messages: [{ id: 'u1', role: 'user' as const, content: 'Explain goroutines', sentAt: 20, branches: [before] }, reply({})] };
    expect(conversationsFromJson(conversationsToJson([edited]))).toEqual([edited]);
    // The earlier version, with the reply that followed it then, folded under the message shown; then the reply shown.
    expect(conversationToMarkdown(edited)).toContain(
      '## You\n\nExplain goroutines\n\n_Version 2 of 2._\n\n<details>\n<summary>Version 1 of 2: Explain threads</summary>\n\n### You\n\nExplain threads\n\n### Assistant',
    );
    expect(conversationToMarkdown(edited)).toMatch(/Threads are heavier\.[^]*\n\n<\/details>\n\n## Assistant/);
    // A branch that does not start with a message of yours, or is not a list, is left out; a time that is not a number too.
    const file = JSON.parse(conversationsToJson([edited])) as { conversations: Array<{ messages: Array<Record<string, unknown>> }> };
    Object.assign(file.conversations[0]!.messages[0]!, { sentAt: '20', branches: [[reply({ id: 'rx' })], 'nope', ...(file.conversations[0]!.messages[0]!['branches'] as unknown[])] });
    const read = conversationsFromJson(JSON.stringify(file))[0]?.messages[0];
    expect(read).toEqual({ id: 'u1', role: 'user', content: 'Explain goroutines', branches: [before] });
    // A message in a branch that is not a message says where it is.
    Object.assign(file.conversations[0]!.messages[0]!, { branches: [[before[0], { role: 'assistant' }]] });
    expect(fails(JSON.stringify(file))).toThrow(new ImportError('Conversation 1, message 1, version 1, message 2, has no id or text.'));
  });

  it('reads back the prices a reply kept, and leaves out prices that are not prices', () => {
    const pricing = { currency: 'USD', inputPerToken: 1.5e-7, outputPerToken: 6e-7 };
    const priced = { ...conversation, messages: [reply({ pricing })] };
    expect(conversationsFromJson(conversationsToJson([priced]))).toEqual([priced]);
    for (const bad of [{ ...pricing, currency: 1 }, { ...pricing, inputPerToken: -1 }, { ...pricing, outputPerToken: '6e-7' }, 'USD']) {
      const file = JSON.parse(conversationsToJson([priced])) as { conversations: Array<{ messages: Array<Record<string, unknown>> }> };
      file.conversations[0]!.messages[0]!['pricing'] = bad;
      expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0], JSON.stringify(bad)).not.toHaveProperty('pricing');
    }
  });

  it('reads back where a continued reply was continued from, and leaves out what is not a pair of lengths', () => {
    const kept = { ...conversation, messages: [reply({ continuedFrom: { content: 5, reasoning: 0 } })] };
    expect(conversationsFromJson(conversationsToJson([kept]))).toEqual([kept]);
    for (const bad of [{ content: -1, reasoning: 0 }, { content: 5 }, { content: 1.5, reasoning: 0 }, 5]) {
      const file = JSON.parse(conversationsToJson([kept])) as { conversations: Array<{ messages: Array<Record<string, unknown>> }> };
      file.conversations[0]!.messages[0]!['continuedFrom'] = bad;
      expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0], JSON.stringify(bad)).not.toHaveProperty('continuedFrom');
    }
  });

  it('reads back what the parts before Continue reported, writes it in Markdown, and leaves out what is not a count or a cost', () => {
    const continuedFrom = { content: 5, reasoning: 0, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, cost: { amount: 0.00002, currency: 'USD' } };
    const kept = { ...conversation, messages: [reply({ continuedFrom })] };
    expect(conversationsFromJson(conversationsToJson([kept]))).toEqual([kept]);
    expect(conversationToMarkdown(kept)).toContain('_Before Continue: 10 prompt, 5 completion, 15 total tokens. After it:_\n\n_Tokens:');
    const file = JSON.parse(conversationsToJson([kept])) as { conversations: Array<{ messages: Array<Record<string, unknown>> }> };
    file.conversations[0]!.messages[0]!['continuedFrom'] = { content: 5, reasoning: 0, usage: { promptTokens: '10' }, cost: { amount: -1, currency: 'USD' } };
    expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0]).toMatchObject({ continuedFrom: { content: 5, reasoning: 0 } });
    expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0]).not.toHaveProperty('continuedFrom.usage');
    expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0]).not.toHaveProperty('continuedFrom.cost');
  });

  it('reads back how the text before Continue arrived, and leaves out a trace longer than that text', () => {
    const trace = { at: [5, 40], content: [2, 5], reasoning: [0, 0], end: 50 };
    const kept = { ...conversation, messages: [reply({ continuedFrom: { content: 5, reasoning: 0, trace } })] };
    expect(conversationsFromJson(conversationsToJson([kept]))).toEqual([kept]);
    const tooLong = { ...conversation, messages: [reply({ continuedFrom: { content: 5, reasoning: 0, trace: { ...trace, content: [2, 6] } } })] };
    const read = conversationsFromJson(conversationsToJson([tooLong]))[0]?.messages[0];
    expect(read).toMatchObject({ continuedFrom: { content: 5, reasoning: 0 } });
    expect(read).not.toHaveProperty('continuedFrom.trace');
  });

  it('reads back the estimate of the system prompt a reply was sent with, and leaves out one that is not a count', () => {
    const kept = { ...conversation, messages: [reply({ systemTokens: 12 })] };
    expect(conversationsFromJson(conversationsToJson([kept]))).toEqual([kept]);
    for (const bad of [-1, '12', Number.NaN]) {
      const file = JSON.parse(conversationsToJson([kept])) as { conversations: Array<{ messages: Array<Record<string, unknown>> }> };
      file.conversations[0]!.messages[0]!['systemTokens'] = bad;
      expect(conversationsFromJson(JSON.stringify(file))[0]?.messages[0], String(bad)).not.toHaveProperty('systemTokens');
    }
  });

  it('reads back how many pieces a reply streamed, and leaves out what is not a count', () => {
    const kept = { ...conversation, messages: [reply({ usage: undefined, timing: { startedAt: 1, firstTokenAt: 2, endedAt: 3, pieces: 40 } })] };
    expect(conversationsFromJson(conversationsToJson([kept]))).toEqual([kept]);
    for (const bad of [-1, 2.5, '40']) {
      const file = JSON.parse(conversationsToJson([kept])) as { conversations: Array<{ messages: Array<{ timing: Record<string, unknown> }> }> };
      file.conversations[0]!.messages[0]!.timing['pieces'] = bad;
      expect((conversationsFromJson(JSON.stringify(file))[0]!.messages[0] as AssistantMessage).timing, String(bad)).not.toHaveProperty('pieces');
    }
  });

  it('restores a reply exported mid-stream as interrupted, and fills what an older file lacks', () => {
    const file = JSON.stringify({
      format: 'gateway-chat',
      version: 1,
      conversations: [{ id: 'x', messages: [{ id: 'r', role: 'assistant', content: 'half', status: 'streaming' }] }],
    });
    const [imported] = conversationsFromJson(file);
    expect(imported).toMatchObject({ id: 'x', title: 'Imported conversation', createdAt: 0 });
    expect(imported!.messages[0]).toMatchObject({ status: 'interrupted', content: 'half', model: 'unknown model', usage: undefined });
  });

  it('says in words what is wrong with a file it cannot read', () => {
    expect(fails('not json')).toThrow(ImportError);
    expect(fails('not json')).toThrow('The file is not JSON');
    expect(fails('{"conversations": []}')).toThrow('not a Gateway Chat export');
    expect(fails('{"format":"gateway-chat","version":9,"conversations":[]}')).toThrow('newer Gateway Chat');
    expect(fails('{"format":"gateway-chat","version":1,"conversations":[{"id":"../x","messages":[]}]}')).toThrow('Conversation 1 has no id');
    expect(fails('{"format":"gateway-chat","version":1,"conversations":[{"id":"a","messages":[{"id":"m","role":"system","content":"x"}]}]}')).toThrow(
      'Conversation 1, message 1, is neither',
    );
  });

  it('names files after the title', () => {
    expect(exportFileName(conversation, 'md')).toBe('goroutines-vs-threads.md');
    expect(exportFileName({ ...conversation, title: '???' }, 'json')).toBe('conversation.json');
  });
});
