// property-information's table of SVG attributes, left out of the bundle.
// hast-util-to-jsx-runtime switches to it only inside an <svg> element, and
// no reply renders one: markdown makes HTML elements only, and raw HTML in a
// reply is shown as text, never parsed (react-markdown without rehype-raw).
// The table is 14 KB of source, about 2 KB of the entry script gzipped; Vite
// resolves property-information's own import of it to this file
// (scripts/slim-dependencies.ts). Its merge() reads only these two fields.
export const svg = { property: {}, normal: {} };
