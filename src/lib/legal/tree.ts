import type { OutlineNode, StructureKind } from '../../schemas/outline.ts';
import { anchorFor, type StructureStep } from './anchor.ts';

/**
 * One unit of a regulation's body, from the official text (`text`) or from our outline
 * (`summary`): both render alike.
 */
export interface BodyNode {
  kind: StructureKind;
  number: string;
  title?: string | undefined;
  text?: string | undefined;
  summary?: string | undefined;
  anchor: string;
  children: BodyNode[];
}

/** Outline nodes get the same anchors as parsed text, from their path. */
export function outlineToTree(nodes: readonly OutlineNode[], parent: StructureStep[] = []): BodyNode[] {
  return nodes.map((node) => {
    const path = [...parent, { kind: node.kind, number: node.number }];
    return {
      kind: node.kind,
      number: node.number,
      title: node.title,
      summary: node.summary,
      anchor: anchorFor(path),
      children: outlineToTree(node.children, path),
    };
  });
}

/** Every node, depth first, with the path of nodes above it. */
export function* walk(
  nodes: readonly BodyNode[],
  ancestors: BodyNode[] = [],
): Generator<{ node: BodyNode; ancestors: BodyNode[] }> {
  for (const node of nodes) {
    yield { node, ancestors };
    yield* walk(node.children, [...ancestors, node]);
  }
}

export function allAnchors(nodes: readonly BodyNode[]): Set<string> {
  return new Set(Array.from(walk(nodes), ({ node }) => node.anchor));
}

/** The articles in document order, each with the chapter, section… it sits in. */
export function articlesOf(nodes: readonly BodyNode[]): { article: BodyNode; ancestors: BodyNode[] }[] {
  return Array.from(walk(nodes))
    .filter(({ node }) => node.kind === 'dieu')
    .map(({ node, ancestors }) => ({ article: node, ancestors }));
}

/** Unit names as written before a number: "Điều 5", "khoản 1". */
export const UNIT_NAMES: Record<StructureKind, string> = {
  phan: 'Phần',
  chuong: 'Chương',
  muc: 'Mục',
  'tieu-muc': 'Tiểu mục',
  dieu: 'Điều',
  khoan: 'khoản',
  diem: 'điểm',
};

/** "Điều 5", "khoản 1", "tiết 1.1", "điểm a", "Chương II". */
export function unitName(node: Pick<BodyNode, 'kind' | 'number'>): string {
  const name = node.kind === 'khoan' && node.number.includes('.') ? 'tiết' : UNIT_NAMES[node.kind];
  return `${name} ${node.number}`;
}

/**
 * The Vietnamese citation of a unit, smallest first: "điểm a khoản 1 Điều 5 Luật Tố cáo 2018
 * (25/2018/QH14)". Units above the article are left out once an article is named, as in practice.
 */
export function clauseCitation(path: readonly Pick<BodyNode, 'kind' | 'number'>[], documentName: string): string {
  const articleIndex = path.findIndex((node) => node.kind === 'dieu');
  const units = articleIndex >= 0 ? path.slice(articleIndex) : path.slice(-1);
  return [...units.map(unitName).reverse(), documentName].join(' ');
}
