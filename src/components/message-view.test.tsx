// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assistantReply, stallingTrace } from '../chat/test-messages.ts';
import type { ModelInfo } from '../chat/model-catalog.ts';
import { MessageView, SILENCE_MS } from './message-view.tsx';
import { barsPath } from './pace-sparkline.tsx';
import { ModelLookupContext } from './model-lookup.ts';
import { stubResizeObserver } from './test-dom.ts';

// A tool call's arguments are measured (do they scroll?); a long message of yours too.
beforeEach(stubResizeObserver);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reply = assistantReply;

// A stall, as a screen reader hears it (the status outside the article, which is aria-busy while the reply is open) and as shown.
const said = (): string | null => screen.getByRole('status').textContent;
/** The usage panel's text. */
const usageText = (): string | null => screen.getByRole('region', { name: 'Usage' }).textContent;
const shown = (): string | undefined => screen.getByRole('article').querySelector('p.text-amber-700')?.textContent ?? undefined;

describe('MessageView', () => {
  it('shows the usage exactly as reported, with the browser-measured timings', () => {
    render(<MessageView message={reply({})} />);
    const usage = screen.getByRole('region', { name: 'Usage' });
    expect(usage.textContent).toContain('Prompt tokens1,234');
    expect(usage.textContent).toContain('Completion tokens56');
    expect(usage.textContent).toContain('Total tokens1,290');
    expect(usage.textContent).toContain('Time to first token250 ms');
    expect(usage.textContent).toContain('Tokens per second56.0');
  });

  it('offers Continue on a reply that ended before its end, where the conversation can go on from it', () => {
    const asked: string[] = [];
    const onContinue = (id: string): void => void asked.push(id);
    const { rerender } = render(<MessageView message={reply({ status: 'stopped', usage: undefined })} onContinue={onContinue} />);
    screen.getByRole('button', { name: 'Continue' }).click();
    expect(asked).toEqual(['a']);
    for (const ended of [reply({ status: 'interrupted' }), reply({ status: 'failed', error: 'upstream' }), reply({ finishReason: 'length' })]) {
      rerender(<MessageView message={ended} onContinue={onContinue} />);
      expect(screen.queryByRole('button', { name: 'Continue' }), ended.status).not.toBeNull();
    }
    // Not a reply that ended as it meant to, one with no text, or one the conversation cannot go on from.
    for (const [message, handler] of [[reply({}), onContinue], [reply({ status: 'stopped', content: '' }), onContinue], [reply({ status: 'stopped' }), undefined]] as const) {
      rerender(<MessageView message={message} onContinue={handler} />);
      expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    }
    // A continued reply's figures say whose they are.
    rerender(<MessageView message={reply({ continuedFrom: { content: 5, reasoning: 0 } })} />);
    expect(usageText()).toContain('Continued: these figures are for the part after Continue. The part before it reported no token counts.');
    const before = { content: 5, reasoning: 0, usage: { promptTokens: 1200, completionTokens: 512, totalTokens: 1712 }, cost: { amount: 0.0012, currency: 'USD' } };
    rerender(<MessageView message={reply({ continuedFrom: before })} />);
    expect(usageText()).toContain('Continued: these figures are for the part after Continue. Before it: 1,712 tokens (1,200 prompt, 512 completion), $0.0012.');
  });

  it('says why a reply stopped or cut off before its end has no token counts', () => {
    const { rerender } = render(<MessageView message={reply({ status: 'stopped', usage: undefined, finishReason: undefined })} />);
    expect(usageText()).toContain('Prompt tokensnot reported');
    expect(usageText()).toContain('No token counts: the gateway sends them with a reply’s last chunk, which did not come before Stop.');
    rerender(<MessageView message={reply({ status: 'interrupted', usage: undefined, finishReason: undefined })} />);
    expect(usageText()).toContain('No token counts: the gateway sends them with a reply’s last chunk, which never came.');
    // Counted after all (the usage chunk came before the stop): nothing to explain.
    rerender(<MessageView message={reply({ status: 'stopped', finishReason: undefined })} />);
    expect(usageText()).not.toMatch(/last chunk/);
    rerender(<MessageView message={reply({})} />);
    expect(usageText()).not.toMatch(/last chunk/);
  });

  it('prices the reply and measures its prompt against the context window, where the gateway gives both', () => {
    const message = reply({});
    const info: ModelInfo = {
      id: message.model,
      provider: 'x',
      name: 'y',
      ownedBy: undefined,
      contextWindow: 128000,
      pricing: { currency: 'USD', inputPerToken: 0.0000025, outputPerToken: 0.00001 },
    };
    const lookup = (id: string) => (id === message.model ? info : undefined);
    const { rerender } = render(
      <ModelLookupContext value={lookup}>
        <MessageView message={message} />
      </ModelLookupContext>,
    );
    const usage = screen.getByRole('region', { name: 'Usage' });
    // 1,234 × $2.50 and 56 × $10 per million tokens.
    expect(usage.textContent).toContain('Cost$0.00365');
    expect(usage.textContent).toContain('Context1.0% of 128K');
    expect(within(usage).getByText('Context').parentElement?.getAttribute('title')).toContain('context window of 128,000 tokens');
    expect(within(usage).getByText('Cost').parentElement?.getAttribute('title')).toBe(
      "At the gateway's prices: $2.50 per million prompt tokens, $10.00 per million completion tokens",
    );
    // Without the gateway's counts there is nothing to price; without its facts, no row at all.
    rerender(
      <ModelLookupContext value={lookup}>
        <MessageView message={reply({ usage: undefined })} />
      </ModelLookupContext>,
    );
    expect(screen.getByRole('region', { name: 'Usage' }).textContent).toContain('Costnot reported');
    cleanup();
    render(<MessageView message={message} />);
    expect(screen.getByRole('region', { name: 'Usage' }).textContent).not.toMatch(/Cost|Context/);
    // A reply that kept its model's prices when it was asked for is costed at those, and says so.
    cleanup();
    render(
      <ModelLookupContext value={lookup}>
        <MessageView message={reply({ pricing: { currency: 'USD', inputPerToken: 0.000001, outputPerToken: 0.000002 } })} />
      </ModelLookupContext>,
    );
    const kept = screen.getByRole('region', { name: 'Usage' });
    // 1,234 × $1 and 56 × $2 per million tokens.
    expect(kept.textContent).toContain('Cost$0.00135');
    expect(within(kept).getByText('Cost').parentElement?.getAttribute('title')).toBe(
      "At the gateway's prices when this reply was asked for: $1.00 per million prompt tokens, $2.00 per million completion tokens",
    );
  });

  it('says when a reply still open has had no token for a while, and stops saying so when tokens come again', () => {
    vi.useFakeTimers();
    try {
      const waiting = reply({ status: 'waiting', content: '', usage: undefined, timing: { startedAt: 0, firstTokenAt: undefined, endedAt: undefined } });
      const { rerender } = render(<MessageView message={waiting} />);
      expect(screen.getByRole('article').contains(screen.getByRole('status'))).toBe(false);
      act(() => void vi.advanceTimersByTime(SILENCE_MS - 1));
      expect(said()).toBe('');
      expect(shown()).toBeUndefined();
      act(() => void vi.advanceTimersByTime(1));
      expect(said()).toBe('No first token after 5 seconds: the provider may be slow or stuck. Wait, or Stop.');
      expect(shown()).toBe(said());

      const streaming = (content: string) => reply({ status: 'streaming', content, usage: undefined, timing: { startedAt: 0, firstTokenAt: 1, endedAt: undefined } });
      rerender(<MessageView message={streaming('Hel')} />);
      expect(said()).toBe('');
      expect(shown()).toBeUndefined();
      // Each token restarts the wait.
      act(() => void vi.advanceTimersByTime(SILENCE_MS - 1000));
      rerender(<MessageView message={streaming('Hello')} />);
      act(() => void vi.advanceTimersByTime(SILENCE_MS - 1000));
      expect(said()).toBe('');
      act(() => void vi.advanceTimersByTime(1000));
      expect(said()).toMatch(/^No new tokens for 5 seconds/);
      expect(shown()).toBe(said());
      // A settled reply is not waiting for anything: nothing to say, and no status left behind.
      const article = screen.getByRole('article');
      const statusElement = article.nextElementSibling;
      rerender(<MessageView message={reply({ content: 'Hello' })} />);
      expect(screen.queryByRole('status')).toBeNull();
      expect(shown()).toBeUndefined();
      // The element stays, silent: the article never becomes its list's last
      // child at the end of a reply, which would restyle all of the reply.
      expect(article.nextElementSibling).toBe(statusElement);
      expect(statusElement?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('numbers a regenerated reply\'s versions, and offers the others where the conversation can go on from them', () => {
    const first = reply({ id: 'r0', timing: { startedAt: 0, firstTokenAt: 1, endedAt: 2 } });
    const second = reply({ id: 'r1', earlier: [first] });
    const asked: Array<[string, string]> = [];
    const { rerender } = render(<MessageView message={second} onShowVersion={(replyId, versionId) => asked.push([replyId, versionId])} />);
    const versions = screen.getByRole('group', { name: 'Versions' });
    expect(versions.textContent).toBe('‹2 / 2›');
    expect(within(versions).getByRole('button', { name: 'Next version' })).toHaveProperty('disabled', true);
    within(versions).getByRole('button', { name: 'Previous version' }).click();
    expect(asked).toEqual([['r1', 'r0']]);
    // Not the last reply (or one streaming): the number, no way to another.
    rerender(<MessageView message={second} />);
    expect(screen.getByRole('group', { name: 'Versions' }).textContent).toBe('2 / 2');
    expect(screen.queryByRole('button', { name: 'Previous version' })).toBeNull();
    // A reply asked for once has no versions to speak of.
    rerender(<MessageView message={first} />);
    expect(screen.queryByRole('group', { name: 'Versions' })).toBeNull();
  });

  it('numbers an edited message\'s versions in the order sent, and asks for the one before or after', () => {
    const earlier = { id: 'u0', role: 'user' as const, content: 'Explain threads', sentAt: 10 };
    const later = { id: 'u2', role: 'user' as const, content: 'Explain fibers', sentAt: 30 };
    const edited = { id: 'u1', role: 'user' as const, content: 'Explain goroutines', sentAt: 20, branches: [[later], [earlier, reply({})]] };
    const asked: Array<[string, string]> = [];
    const { rerender } = render(<MessageView message={edited} onShowMessageVersion={(messageId, versionId) => asked.push([messageId, versionId])} />);
    const versions = within(screen.getByRole('article', { name: 'You' })).getByRole('group', { name: 'Versions' });
    expect(versions.textContent).toBe('‹2 / 3›');
    within(versions).getByRole('button', { name: 'Previous version' }).click();
    within(versions).getByRole('button', { name: 'Next version' }).click();
    expect(asked).toEqual([
      ['u1', 'u0'],
      ['u1', 'u2'],
    ]);
    // While a reply streams: the number, no way to another.
    rerender(<MessageView message={edited} />);
    expect(screen.getByRole('group', { name: 'Versions' }).textContent).toBe('2 / 3');
    expect(screen.queryByRole('button', { name: 'Previous version' })).toBeNull();
    // A message never edited has no versions to speak of.
    rerender(<MessageView message={earlier} onShowMessageVersion={() => undefined} />);
    expect(screen.queryByRole('group', { name: 'Versions' })).toBeNull();
  });

  it('says "not reported" when the gateway sent no usage, and estimates the speed', () => {
    render(<MessageView message={reply({ usage: undefined })} />);
    const usage = screen.getByRole('region', { name: 'Usage' });
    expect(within(usage).getAllByText('not reported')).toHaveLength(3);
    // Written as the Markdown export and the speed table write an estimate: "≈ 56.0".
    expect(within(usage).getByText('Tokens per second').nextElementSibling?.textContent).toMatch(/^≈ \d+\.\d$/);
  });

  it('marks the reply busy while streaming and shows no usage yet', () => {
    render(<MessageView message={reply({ status: 'streaming', usage: undefined, timing: { startedAt: 0, firstTokenAt: 1, endedAt: undefined } })} />);
    const article = screen.getByRole('article', { name: 'Assistant' });
    expect(article.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('region', { name: 'Usage' })).toBeNull();
    expect(within(article).getByText('world').tagName).toBe('STRONG');
  });

  it('holds the usage panel\'s place, hidden and empty, while streaming, and fills that same panel when the reply ends', () => {
    // The first token came 250 ms after the request; 2 s later the reply was 15 characters long.
    const timing = { startedAt: 1000, firstTokenAt: 1250, liveSample: { at: 3250, length: 15 }, endedAt: undefined };
    const streaming = reply({ status: 'streaming', usage: undefined, finishReason: undefined, timing });
    const { container, rerender } = render(<MessageView message={streaming} />);
    const placeholder = container.querySelector('section[aria-label="Usage"]');
    expect(placeholder?.getAttribute('aria-hidden')).toBe('true');
    expect(placeholder?.className).toContain('invisible');
    expect(placeholder?.querySelector('dl')?.textContent).not.toMatch(/\d/);
    // Where the figures will be, the rate so far shows: "Hello **world**" is about 4 tokens in 2 s.
    const live = within(placeholder as HTMLElement).getByText(/tok\/s so far/);
    expect(live.textContent).toBe('≈ 2 tok/s so far · first token in 250 ms');
    expect(live.className.split(' ')).toContain('visible');
    rerender(<MessageView message={reply({})} />);
    const usage = screen.getByRole('region', { name: 'Usage' });
    expect(usage).toBe(placeholder);
    expect(usage.className).not.toContain('invisible');
    expect(usage.textContent).toContain('Total tokens1,290');
    expect(usage.textContent).not.toContain('so far');
  });

  it('keeps a stopped reply and labels it Stopped', () => {
    render(<MessageView message={reply({ status: 'stopped', content: 'Partial answ', usage: undefined })} />);
    const article = screen.getByRole('article', { name: 'Assistant' });
    expect(article.getAttribute('aria-busy')).toBe('false');
    expect(within(article).getByText('Stopped')).toBeTruthy();
    expect(article.textContent).toContain('Partial answ');
  });

  it('shows the gateway error in an alert, and no usage when nothing was said', () => {
    render(<MessageView message={reply({ status: 'failed', content: '', usage: undefined, error: 'Rate limit exceeded' })} />);
    expect(screen.getByRole('alert').textContent).toContain('Rate limit exceeded');
    expect(screen.queryByRole('region', { name: 'Usage' })).toBeNull();
  });

  it('puts reasoning in a group named Reasoning apart from the answer', () => {
    render(<MessageView message={reply({ reasoning: 'Let me think.' })} />);
    const group = screen.getByRole('group', { name: 'Reasoning' });
    expect(group.textContent).toContain('Let me think.');
    expect(screen.getByRole('article', { name: 'Assistant' }).textContent).toContain('Hello world');
  });

  it('replays a reply from its trace: the wait, the reasoning, the answer, then the reply as it ended', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout'] });
    try {
      const message = reply({ reasoning: 'Let me think.', content: 'Hello world', trace: { at: [100, 300], content: [0, 11], reasoning: [13, 13], end: 400 } });
      render(<MessageView message={message} />);
      const article = screen.getByRole('article', { name: 'Assistant' });
      fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
      expect(article.getAttribute('aria-busy')).toBe('true');
      expect(article.textContent).toContain('Waiting for the first token…');
      expect(screen.queryByRole('group', { name: 'Reasoning' })).toBeNull();
      expect(screen.queryByRole('region', { name: 'Usage' })).toBeNull();

      act(() => void vi.advanceTimersByTime(150));
      // One reasoning group, open while it streams (the reply's own view is not kept beside it).
      expect(screen.getAllByRole('group', { name: 'Reasoning' })).toHaveLength(1);
      expect(article.querySelector('details')?.open).toBe(true);
      expect(article.textContent).not.toContain('Hello world');

      act(() => void vi.advanceTimersByTime(200));
      expect(article.textContent).toContain('Hello world');
      expect(article.getAttribute('aria-busy')).toBe('true');
      fireEvent.change(screen.getByRole('combobox', { name: 'Replay speed' }), { target: { value: '2' } });
      expect(article.textContent).toContain('Replay 2×');

      act(() => void vi.advanceTimersByTime(100));
      expect(article.getAttribute('aria-busy')).toBe('false');
      expect(screen.getByRole('region', { name: 'Usage' }).textContent).toContain('Prompt tokens1,234');
      expect(screen.getByRole('button', { name: 'Replay' })).toBeTruthy();
      expect(screen.queryByRole('combobox', { name: 'Replay speed' })).toBeNull();

      // Stop replay shows the reply whole at once.
      fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
      expect(article.textContent).not.toContain('Hello world');
      fireEvent.click(screen.getByRole('button', { name: 'Stop replay' }));
      expect(article.textContent).toContain('Hello world');
      expect(article.getAttribute('aria-busy')).toBe('false');
      // Esc stops it too, but not Shift+Esc (the shortcut to the message box).
      fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
      fireEvent.keyDown(window, { key: 'Escape', shiftKey: true });
      expect(article.getAttribute('aria-busy')).toBe('true');
      fireEvent.keyDown(window, { key: 'Escape' });
      expect(article.getAttribute('aria-busy')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('charts the pace of a reply with a trace in its usage panel, and holds that row while it streams', () => {
    // 40 characters every 100 ms for a second, then nothing for 3 s, then one more chunk.
    const trace = stallingTrace;
    const { rerender } = render(<MessageView message={reply({ content: 'x'.repeat(440), trace, usage: undefined })} />);
    const pace = within(screen.getByRole('region', { name: 'Usage' })).getByRole('img');
    // 40 characters (10 tokens at 4 characters a token) every 100 ms.
    expect(pace.getAttribute('aria-label')).toBe('Pace over the reply: up to ≈ 100 tok/s, longest pause 3.0 s');
    // With the gateway's count (220 tokens for the 440 characters), at 2 characters a token.
    rerender(<MessageView message={reply({ content: 'x'.repeat(440), trace, usage: { promptTokens: 10, completionTokens: 220, totalTokens: 230 } })} />);
    expect(within(screen.getByRole('region', { name: 'Usage' })).getByRole('img').getAttribute('aria-label')).toBe('Pace over the reply: up to ≈ 200 tok/s, longest pause 3.0 s');
    // Bars where text came, none over the pause: one rectangle each in one path.
    const bars = pace.querySelector('path')?.getAttribute('d')?.match(/M/g)?.length ?? 0;
    expect(bars).toBeGreaterThan(3);
    expect(bars).toBeLessThan(12);

    rerender(<MessageView message={reply({})} />);
    expect(screen.getByRole('region', { name: 'Usage' }).textContent).not.toContain('Pace');
    rerender(<MessageView message={reply({ status: 'streaming', usage: undefined })} />);
    expect(screen.getByRole('article', { name: 'Assistant' }).querySelector('section[aria-label="Usage"]')?.textContent).toContain('Pace—');
  });

  it('offers Replay only for a settled reply with a trace', () => {
    const { rerender } = render(<MessageView message={reply({})} />);
    expect(screen.queryByRole('button', { name: 'Replay' })).toBeNull();
    const trace = { at: [10], content: [11], reasoning: [0], end: 20 };
    rerender(<MessageView message={reply({ status: 'streaming', usage: undefined, trace })} />);
    expect(screen.queryByRole('button', { name: 'Replay' })).toBeNull();
    rerender(<MessageView message={reply({ trace })} />);
    expect(screen.getByRole('button', { name: 'Replay' })).toBeTruthy();
  });

  it('shows tool calls where they came: between an MCP stream\'s completions, and after the text for a call that ends a reply', async () => {
    const content = 'Let me look.\n\nOne more.\n\nFound it.';
    const toolCalls = [
      { index: 0, id: 't1', name: 'search', arguments: '{}', at: 12 },
      { index: 1, id: 't2', name: 'fetch', arguments: '{"url":"a"}', at: 23 },
      { index: 2, id: 't3', name: 'read', arguments: '{}', at: 23 },
      // Kept before calls were placed: after the text.
      { index: 3, id: 't4', name: 'old', arguments: '{}' },
    ];
    render(<MessageView message={reply({ content, toolCalls })} />);
    // The cards' code loads when a reply first has one; their names show meanwhile.
    expect(screen.getByRole('article').textContent).toContain('Tool call search');
    await waitFor(() => expect(screen.getAllByRole('figure')).toHaveLength(4));
    const article = screen.getByRole('article');
    const order = [...article.querySelectorAll('p, figcaption')].map((element) => element.textContent).filter((text) => text && !text.startsWith('Prompt'));
    expect(order.slice(0, 7)).toEqual([
      'Let me look.',
      'Tool call search (no arguments)',
      'One more.',
      'Tool call fetch',
      'Tool call read (no arguments)',
      'Found it.',
      'Tool call old (no arguments)',
    ]);
    // A call that ends the reply (no text after it yet) shows after the text.
    cleanup();
    render(<MessageView message={reply({ content: 'Let me look.', toolCalls: [toolCalls[0]!] })} />);
    await screen.findByRole('figure');
    expect([...screen.getByRole('article').querySelectorAll('p, figcaption')].slice(0, 2).map((element) => element.textContent)).toEqual(['Let me look.', 'Tool call search (no arguments)']);
  });

  it('shows a tool call\'s arguments field by field once they are whole, as they came before', async () => {
    const call = { index: 0, id: 't1', name: 'web_search', arguments: '{"query": "go', at: 0 };
    const { rerender } = render(<MessageView message={reply({ content: '', toolCalls: [call], status: 'streaming' })} />);
    const card = await screen.findByRole('figure', { name: 'Tool call web_search' });
    expect(card.querySelector('pre')?.textContent).toBe('{"query": "go');
    expect(card.querySelector('dl')).toBeNull();
    rerender(<MessageView message={reply({ content: '', toolCalls: [{ ...call, arguments: '{"query": "go\\nthreads", "limit": 3}' }] })} />);
    const fields = screen.getByRole('figure', { name: 'Tool call web_search' });
    expect([...fields.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['query', 'limit']);
    expect([...fields.querySelectorAll('dd')].map((value) => value.textContent)).toEqual(['go\nthreads', '3']);
    expect(fields.querySelector('pre')).toBeNull();
  });

  it('renders links safely: no javascript: URLs, raw HTML as text, external links in a new tab', () => {
    render(
      <MessageView
        message={reply({ content: '[bad](javascript:alert(1)) [good](https://example.com) <img src=x onerror=alert(1)>' })}
      />,
    );
    const article = screen.getByRole('article', { name: 'Assistant' });
    const links = within(article).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com']);
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(article.querySelector('img')).toBeNull();
    expect(article.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the pace chart\'s bars', () => {
  it('draws a rectangle per slice where text came, scaled to the peak, at least a sliver high', () => {
    // Slices of 0, peak, half the peak and a hundredth of it, in a chart 10 high.
    expect(barsPath([0, 200, 100, 2], 200)).toBe('M1.1 0h0.8v10h-0.8zM2.1 5h0.8v5h-0.8zM3.1 9.4h0.8v0.6h-0.8z');
  });
});
