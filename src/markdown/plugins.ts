import remarkGfm from 'remark-gfm';
import { remarkHtmlAsText } from './html-as-text.ts';

/** Module-level, so memoised blocks never see new plugin identities. */
export const remarkPlugins = [remarkGfm, remarkHtmlAsText];
