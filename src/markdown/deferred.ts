// What the renderer loads apart from the entry script, in one chunk with a
// name, as the page starts (deferred-parts.ts): remend, the tail repair a
// streaming reply needs, and math ($$…$$): its syntax, the rewrite of \( … \),
// \[ … \] and single dollars to it, and the component that shows a formula (which loads
// KaTeX itself when the first one appears).
export { default as remend } from 'remend';
export { math } from 'micromark-extension-math';
export { mathFromMarkdown } from 'mdast-util-math';
export { MathFormula, parseOpenMath } from './math.tsx';
export { closeFormula, mathToDollars } from './math-source.ts';
