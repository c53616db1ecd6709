import { loadRegulations } from '../lib/content/regulations.ts';
import { buildRegistry, resolveAll, type CitationRegistry } from '../lib/legal/resolve.ts';

interface MdNode {
  type: string;
  position?: unknown;
  value?: string;
  children?: MdNode[];
  name?: string | null;
  attributes?: unknown[];
}

// Headings keep their words, code is code, and links and components already say where they go.
const SKIP = new Set(['heading', 'code', 'inlineCode', 'link', 'linkReference', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'definition', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

const registries = new Map<string, CitationRegistry>();

/** The registry for the site a file belongs to (the folder above its `content/`), built once. */
function registryFor(path: string): CitationRegistry | null {
  const at = path.lastIndexOf('/content/');
  if (at < 0) return null;
  const root = path.slice(0, at);
  let registry = registries.get(root);
  if (!registry) {
    const { regulations, bodies } = loadRegulations(root);
    registry = buildRegistry(regulations, bodies);
    registries.set(root, registry);
  }
  return registry;
}

/** The document an annotation belongs to, so "khoản 2 Điều này"-style citations resolve. */
function contextOf(path: string): { document?: string } {
  const match = /\/content\/regulations\/([^/]+)\//.exec(path);
  return match?.[1] ? { document: match[1] } : {};
}

/**
 * Turns plain-text citations in MDX prose into <Cite> links. A citation that does not resolve
 * stays as text (`camnang lint` lists it as a warning).
 */
export function remarkCitations() {
  return (tree: MdNode, file: { path?: string }) => {
    const path = (file.path ?? '').split('\\').join('/');
    const registry = registryFor(path);
    if (!registry) return;
    const context = contextOf(path);
    const visit = (node: MdNode) => {
      if (!node.children || SKIP.has(node.type)) return;
      node.children = node.children.flatMap((child) => {
        if (child.type !== 'text' || !child.value) {
          visit(child);
          return [child];
        }
        return linkCitations(child, registry, context);
      });
    };
    visit(tree);
  };
}

function linkCitations(node: MdNode, registry: CitationRegistry, context: { document?: string }): MdNode[] {
  const text = node.value ?? '';
  const citations = resolveAll(text, registry, context).citations;
  const parts: MdNode[] = [];
  let at = 0;
  const seen = new Set<number>();
  for (const citation of citations) {
    // A list ("khoản 1, 5 và 6 Điều 3") gives several units over one span: link the span once, to the first.
    const start = text.indexOf(citation.text, at);
    if (start < 0 || seen.has(start) || !citation.resolved) continue;
    seen.add(start);
    if (start > at) parts.push({ type: 'text', value: text.slice(at, start) });
    parts.push({
      type: 'mdxJsxTextElement',
      name: 'Cite',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'ref', value: citation.text },
        ...(context.document ? [{ type: 'mdxJsxAttribute', name: 'context', value: context.document }] : []),
      ],
      children: [{ type: 'text', value: citation.text }],
      position: node.position,
    });
    at = start + citation.text.length;
  }
  if (at < text.length) parts.push({ type: 'text', value: text.slice(at) });
  return parts.length ? parts : [node];
}
