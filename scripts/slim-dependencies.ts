// Swaps modules that the markdown pipeline imports but this app never uses
// (or uses a sliver of) for small stand-ins, for the app's build and the
// benchmark page's: the structuredClone polyfill (src/app/structured-clone.ts),
// the SVG attribute table (src/app/svg-schema.ts), and vfile with
// vfile-message (src/app/vfile.ts). Each file says why it is safe.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const source = (file: string): string => fileURLToPath(new URL(`../src/app/${file}`, import.meta.url));

export function slimDependencies(): Plugin {
  return {
    name: 'gateway-chat:slim-dependencies',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === '@ungap/structured-clone') return source('structured-clone.ts');
      const fromPackage = importer?.replaceAll('\\', '/').includes('/node_modules/') ?? false;
      if ((id === 'vfile' || id === 'vfile-message') && fromPackage) return source('vfile.ts');
      if (id === './lib/svg.js' && importer?.replaceAll('\\', '/').endsWith('/node_modules/property-information/index.js')) return source('svg-schema.ts');
      return undefined;
    },
  };
}
