// LLM output is untrusted: raw HTML is shown as the text it is, never
// interpreted (and not silently dropped either, which would hide content).
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

function walk(node: MdNode): void {
  if (node.type === 'html') node.type = 'text';
  node.children?.forEach(walk);
}

export function remarkHtmlAsText() {
  return (tree: MdNode): void => walk(tree);
}
