// @ungap/structured-clone (pulled in by mdast-util-to-hast) is a polyfill
// that calls the browser's own structuredClone when there is one, which every
// browser this app runs in has. Vite resolves the package to this file, so
// the entry script does not carry the polyfill's 3 KB (scripts/slim-dependencies.ts).
export default globalThis.structuredClone;
