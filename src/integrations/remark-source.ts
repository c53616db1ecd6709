interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/**
 * Tells each of our MDX components where it is used ("content/lessons/x.mdx:12"), so that a
 * wrong prop stops the build with the file and line instead of a stack trace.
 */
export function remarkSource(options: { components: readonly string[] }) {
  const names = new Set(options.components);
  return (tree: MdxNode, file: { path?: string }) => {
    // Named from the content folder, as lint names files, wherever the site root is.
    const absolute = (file.path ?? 'MDX').split('\\').join('/');
    const path = absolute.slice(absolute.lastIndexOf('/content/') + 1);
    const visit = (node: MdxNode) => {
      if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        node.name &&
        names.has(node.name)
      ) {
        node.attributes ??= [];
        node.attributes.push({
          type: 'mdxJsxAttribute',
          name: 'source',
          value: `${path}:${node.position?.start.line ?? 1}`,
        });
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
