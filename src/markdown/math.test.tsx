// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkdownDocument, MarkdownView } from './markdown-view.tsx';
import { loadKatex, parseOpenMath } from './math.tsx';
import { comparableHtml } from './test-html.ts';

afterEach(cleanup);

const REPLY = [
  'The roots of $$ax^2 + bx + c = 0$$ are:',
  '',
  '$$',
  'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}',
  '$$',
  '',
  'It costs $5, or $10 with tax.',
].join('\n');

const FORMULAS = ['ax^2 + bx + c = 0', 'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}'];

describe('math', () => {
  beforeAll(async () => {
    await loadKatex();
  });

  it('typesets $$…$$ with KaTeX, inline and on lines of its own, with MathML for screen readers; single dollars stay text', () => {
    const { container } = render(<MarkdownView text={REPLY} streaming={false} />);
    const inline = container.querySelector('p > .math-inline');
    expect(inline?.querySelector('.katex math annotation')?.textContent).toBe('ax^2 + bx + c = 0');
    const display = container.querySelector('.math-display');
    expect(display?.querySelector('.katex-display math annotation')?.textContent).toBe('x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}');
    expect(container.querySelector('p:last-child')?.textContent).toBe('It costs $5, or $10 with tax.');
    expect(container.textContent).not.toContain('$$');
  });

  it('shows TeX KaTeX cannot read as KaTeX does (in red, the message in its title), and the rest of the reply as usual', () => {
    const { container } = render(<MarkdownView text={'Broken $$\\frac{1}{$$ here.\n\nNext **paragraph**.'} streaming={false} />);
    expect(container.querySelector('.math-inline .katex-error')?.getAttribute('title')).toMatch(/ParseError/);
    expect(container.querySelector('strong')?.textContent).toBe('paragraph');
  });

  it('never paints a $$ marker while the reply streams, nor typesets a formula still streaming in', () => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= REPLY.length; end++) {
      const prefix = REPLY.slice(0, end);
      rerender(<MarkdownView text={prefix} streaming />);
      const shown = container.textContent ?? '';
      expect(shown, JSON.stringify(prefix)).not.toContain('$$');
      // What is typeset is a whole formula, never one still streaming in.
      for (const typeset of container.querySelectorAll('.katex annotation')) expect(FORMULAS, JSON.stringify(prefix)).toContain(typeset.textContent);
    }
  });

  it('typesets an inline formula as soon as its closing $$ arrives, not before, in the same element', () => {
    const { container, rerender } = render(<MarkdownView text="Euler: $$e^{i\pi} + 1" streaming />);
    const formula = container.querySelector('.math-inline');
    expect(formula?.classList.contains('math-source')).toBe(true);
    // The mark of a formula still open is not shown.
    expect(formula?.textContent).toBe('e^{i\\pi} + 1');
    rerender(<MarkdownView text="Euler: $$e^{i\pi} + 1 = 0$$ is" streaming />);
    expect(container.querySelector('.math-inline')).toBe(formula);
    expect(formula?.querySelector('.katex annotation')?.textContent).toBe('e^{i\\pi} + 1 = 0');
    rerender(<MarkdownView text={'Euler: $$e^{i\\pi} + 1 = 0$$ is neat.\n\nNext'} streaming={false} />);
    expect(container.querySelector('.math-inline')).toBe(formula);
  });

  it('does not count a $$ in a code span when it closes an open formula', () => {
    const { container } = render(<MarkdownView text={'Use `$$` to open math: $$a + b'} streaming />);
    expect(container.querySelector('code')?.textContent).toBe('$$');
    expect(container.querySelector('.math-inline.math-source')?.textContent).toBe('a + b');
  });

  it('streams a formula on lines of its own as its source, without a half-typed closing line, and typesets it once closed', () => {
    const { container, rerender } = render(<MarkdownView text={'$$\nx = \\frac{1}{2}\n$'} streaming />);
    expect(container.querySelector('.math-display.math-source')?.textContent).toBe('x = \\frac{1}{2}');
    rerender(<MarkdownView text={'$$\nx = \\frac{1}{2}\n$$\n'} streaming />);
    expect(container.textContent).not.toContain('$');
    rerender(<MarkdownView text={'$$\nx = \\frac{1}{2}\n$$\n'} streaming={false} />);
    expect(container.querySelector('.math-display .katex-display')).not.toBeNull();
  });

  it('typesets math in a table cell once its row is done', () => {
    const table = '| case | roots |\n|---|---|\n| $$b^2 > 4ac$$ | two |\n| $$b^2';
    const { container, rerender } = render(<MarkdownView text={table} streaming />);
    expect(container.querySelector('td .math-inline .katex annotation')?.textContent).toBe('b^2 > 4ac');
    expect(container.textContent).not.toContain('$$');
    rerender(<MarkdownView text={`${table} = 4ac$$ | one |\n`} streaming={false} />);
    expect([...container.querySelectorAll('td .katex annotation')].map((node) => node.textContent)).toEqual(['b^2 > 4ac', 'b^2 = 4ac']);
  });

  it('ends equal to a one-shot render of the whole reply', () => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 7; end < REPLY.length; end += 7) rerender(<MarkdownView text={REPLY.slice(0, end)} streaming />);
    rerender(<MarkdownView text={REPLY} streaming={false} />);
    const whole = render(<MarkdownDocument text={REPLY} />).container;
    expect(comparableHtml(container)).toBe(comparableHtml(whole));
  });
});

// As OpenAI's and DeepSeek's models write math.
const BRACKETS = ['Since \\(a \\neq 0\\), the roots are', '', '\\[', 'x = \\frac{-b \\pm \\sqrt{\\Delta}}{2a}', '\\]', '', 'where \\(\\Delta = b^2 - 4ac\\).'].join('\n');
const BRACKET_FORMULAS = ['a \\neq 0', 'x = \\frac{-b \\pm \\sqrt{\\Delta}}{2a}', '\\Delta = b^2 - 4ac'];

function textOutsideMath(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.math').forEach((formula) => formula.remove());
  return copy.textContent ?? '';
}

describe('math in \\( … \\) and \\[ … \\]', () => {
  beforeAll(async () => {
    await loadKatex();
  });

  it('is typeset like $$ … $$: inline, and on lines of its own', () => {
    const { container } = render(<MarkdownView text={BRACKETS} streaming={false} />);
    expect([...container.querySelectorAll('.katex annotation')].map((node) => node.textContent)).toEqual(BRACKET_FORMULAS);
    expect(container.querySelectorAll('.math-display .katex-display')).toHaveLength(1);
    expect(container.textContent).not.toMatch(/\\[()[\]]/);
  });

  it('never paints \\( or \\[ while it streams, typesets only whole formulas, and ends as a one-shot render', () => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= BRACKETS.length; end++) {
      const prefix = BRACKETS.slice(0, end);
      rerender(<MarkdownView text={prefix} streaming />);
      expect(container.textContent, JSON.stringify(prefix)).not.toMatch(/\\[()[\]]|\$\$/);
      // TeX shows only where a formula is (its source, while it streams in), never as text around it.
      expect(textOutsideMath(container), JSON.stringify(prefix)).not.toMatch(/\\[a-zA-Z]/);
      for (const typeset of container.querySelectorAll('.katex annotation')) expect(BRACKET_FORMULAS, JSON.stringify(prefix)).toContain(typeset.textContent);
    }
    rerender(<MarkdownView text={BRACKETS} streaming={false} />);
    expect([...container.querySelectorAll('.katex annotation')].map((node) => node.textContent)).toEqual(BRACKET_FORMULAS);
    expect(comparableHtml(container)).toBe(comparableHtml(render(<MarkdownDocument text={BRACKETS} />).container));
  });
});

describe('math in table cells, in \\( … \\)', () => {
  it('is typeset in a finished row while the table streams, and in every row once it is done', () => {
    const table = '| case | roots |\n|---|---|\n| \\(b^2 > 4ac\\) | two |\n| \\(b^2';
    const { container, rerender } = render(<MarkdownView text={table} streaming />);
    expect(container.querySelector('td .katex annotation')?.textContent).toBe('b^2 > 4ac');
    expect(textOutsideMath(container)).not.toMatch(/[\\$]/);
    rerender(<MarkdownView text={`${table} = 4ac\\) | one |\n`} streaming={false} />);
    expect([...container.querySelectorAll('td .katex annotation')].map((node) => node.textContent)).toEqual(['b^2 > 4ac', 'b^2 = 4ac']);
  });
});

describe('parseOpenMath', () => {
  it('reads the TeX of a display formula not closed yet', () => {
    expect(parseOpenMath('$$\na + b\n')).toBe('a + b');
    expect(parseOpenMath('$$\na + b\n$')).toBe('a + b');
    expect(parseOpenMath('$$')).toBe('');
    expect(parseOpenMath('$$x$$')).toBeUndefined();
    expect(parseOpenMath('Text\n$$\n')).toBeUndefined();
  });
});

describe('math before KaTeX is in', () => {
  it('shows the source until KaTeX loads, then typesets it', async () => {
    // Fresh modules: KaTeX is module state, loaded above for the others.
    vi.resetModules();
    const parts = await import('./deferred-parts.ts');
    const view = await import('./markdown-view.tsx');
    const fresh = await import('./math.tsx');
    await parts.loadDeferredParts();
    const { container } = render(<view.MarkdownView text="Area: $$\pi r^2$$." streaming={false} />);
    expect(container.querySelector('.math-inline.math-source')?.textContent).toBe('\\pi r^2');
    expect(container.querySelector('.katex')).toBeNull();
    await act(() => fresh.loadKatex());
    expect(container.querySelector('.math-inline .katex')).not.toBeNull();
    expect(container.querySelector('.math-source')).toBeNull();
  });
});

// As Claude's and Gemini's models write math inline: single dollars, beside prices.
const SINGLE = [
  'The roots of $ax^2 + bx + c = 0$ (with $a \\neq 0$) are',
  '',
  '$$',
  'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}',
  '$$',
  '',
  '| case | roots |',
  '|---|---|',
  '| $\\Delta > 0$ | two, $2x$ apart |',
  '',
  'so $x_1 x_2 = \\tfrac{c}{a}$. It costs $5, or $10 with tax; $0.15/$0.60 per million.',
].join('\n');
const SINGLE_FORMULAS = ['ax^2 + bx + c = 0', 'a \\neq 0', 'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}', '\\Delta > 0', '2x', 'x_1 x_2 = \\tfrac{c}{a}'];

describe('math in single dollars', () => {
  beforeAll(async () => {
    await loadKatex();
  });

  it('is typeset inline, in table cells too, while prices stay text', () => {
    const { container } = render(<MarkdownView text={SINGLE} streaming={false} />);
    expect([...container.querySelectorAll('.katex annotation')].map((node) => node.textContent)).toEqual(SINGLE_FORMULAS);
    expect(container.querySelectorAll('td .math-inline .katex')).toHaveLength(2);
    expect(container.querySelector('p:last-child')?.textContent).toMatch(/It costs \$5, or \$10 with tax; \$0\.15\/\$0\.60 per million\.$/);
    expect(textOutsideMath(container)).not.toMatch(/\$\D/);
  });

  it('never paints a $ before TeX while it streams, typesets only whole formulas, and ends as a one-shot render', () => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= SINGLE.length; end++) {
      const prefix = SINGLE.slice(0, end);
      rerender(<MarkdownView text={prefix} streaming />);
      // A $ outside a formula is a price's, before its digits (or before they have come).
      expect(textOutsideMath(container), JSON.stringify(prefix)).not.toMatch(/\$\D|\\[a-zA-Z]/);
      for (const typeset of container.querySelectorAll('.katex annotation')) expect(SINGLE_FORMULAS, JSON.stringify(prefix)).toContain(typeset.textContent);
    }
    rerender(<MarkdownView text={SINGLE} streaming={false} />);
    expect(comparableHtml(container)).toBe(comparableHtml(render(<MarkdownDocument text={SINGLE} />).container));
  });

  it('shows a $ that never closes as text once its line ends, as it was written', () => {
    const { container, rerender } = render(<MarkdownView text="Let $x be" streaming />);
    // Until then it may be a formula coming in: its source, without the $.
    expect(container.querySelector('.math-inline.math-source')?.textContent).toBe('x be');
    rerender(<MarkdownView text={'Let $x be the count.\n'} streaming />);
    expect(container.querySelector('.math')).toBeNull();
    expect(container.textContent).toBe('Let $x be the count.');
  });

  it('never shows a shell’s $HOME as a formula while it streams, character by character', () => {
    const text = 'Set $HOME to your folder and add $GOPATH/bin to $PATH.\n\nDone.';
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= text.length; end++) {
      rerender(<MarkdownView text={text.slice(0, end)} streaming />);
      expect(container.querySelector('.math'), JSON.stringify(text.slice(0, end))).toBeNull();
    }
    expect(container.textContent).toBe('Set $HOME to your folder and add $GOPATH/bin to $PATH.Done.');
  });
});
