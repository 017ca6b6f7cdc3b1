// Turns hast into React elements exactly as react-markdown does (same
// options to hast-util-to-jsx-runtime), so a block rendered from the fast
// path and the same block rendered by <Markdown> give one element tree, and
// React keeps the DOM when a block moves from one to the other.
import type { Root } from 'hast';
import { toJsxRuntime, type Components as JsxComponents } from 'hast-util-to-jsx-runtime';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { Components } from 'react-markdown';

export function renderHast(tree: Root, components: Components): ReactElement {
  return toJsxRuntime(tree, {
    Fragment,
    components: components as Partial<JsxComponents>,
    ignoreInvalidStyle: true,
    jsx,
    jsxs,
    passKeys: true,
    passNode: true,
  });
}
