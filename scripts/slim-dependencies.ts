// Swaps two modules that the markdown pipeline imports but this app never
// uses for small stand-ins, for the app's build and the benchmark page's:
// the structuredClone polyfill (src/app/structured-clone.ts) and the SVG
// attribute table (src/app/svg-schema.ts). Each file says why it is safe.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const source = (file: string): string => fileURLToPath(new URL(`../src/app/${file}`, import.meta.url));

export function slimDependencies(): Plugin {
  return {
    name: 'gateway-chat:slim-dependencies',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === '@ungap/structured-clone') return source('structured-clone.ts');
      if (id === './lib/svg.js' && importer?.replaceAll('\\', '/').endsWith('/node_modules/property-information/index.js')) return source('svg-schema.ts');
      return undefined;
    },
  };
}
