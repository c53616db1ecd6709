import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * A content file's data with the source positions needed to point a trainer at the exact line
 * of a problem: YAML files whole, MDX files by their frontmatter.
 */
export interface SourceFile {
  data: unknown;
  body: string;
  /** Line in the file where `body` starts. */
  bodyLine: number;
  /** Line in the file where the data starts (1 for YAML, 2 for frontmatter after `---`). */
  lineOf(path: readonly PropertyKey[]): number;
  /** A YAML syntax error, if the data could not be read. */
  syntaxError?: { line: number; message: string };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function readSourceFile(text: string, format: 'frontmatter' | 'yaml'): SourceFile {
  let yamlText = text;
  let body = '';
  let bodyLine = 1;
  let offset = 0;
  if (format === 'frontmatter') {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      return {
        data: undefined,
        body: text,
        bodyLine: 1,
        lineOf: () => 1,
        syntaxError: { line: 1, message: 'thiếu phần khai báo đầu tệp (frontmatter) giữa hai dòng ---' },
      };
    }
    yamlText = match[1] ?? '';
    body = text.slice(match[0].length);
    bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
    offset = 1;
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const lineAt = (position: number) => counter.linePos(position).line + offset;
  const error = doc.errors[0];
  if (error) {
    return {
      data: undefined,
      body,
      bodyLine,
      lineOf: () => 1 + offset,
      syntaxError: { line: lineAt(error.pos[0]), message: `lỗi cú pháp YAML: ${error.message.split('\n')[0]}` },
    };
  }
  return {
    data: doc.toJS(),
    body,
    bodyLine,
    lineOf: (path) => lineAt(positionOf(doc, path)),
  };
}

/** Start of the deepest node on `path` that exists: the key for a map entry, the item for a list. */
function positionOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: Node | null | undefined = doc.contents;
  let position = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      position = (pair.key as Node).range?.[0] ?? position;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      position = item.range?.[0] ?? position;
      node = item;
    } else {
      break;
    }
  }
  return position;
}
