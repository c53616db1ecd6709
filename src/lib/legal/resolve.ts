import type { StructureKind } from '../../schemas/outline.ts';
import { arabicNumber, type StructureStep } from './anchor.ts';
import type { RegulationBody } from './body.ts';
import {
  compileCitationGrammar,
  findCitations,
  oneLine,
  type Citation,
  type CitationContext,
  type CitationGrammar,
} from './citation.ts';
import { documentName, type RegulationEntry } from './document.ts';
import { clauseCitation, unitName, walk, type BodyNode } from './tree.ts';

interface RegistryDocument {
  name: string;
  /** "text": the official text; "outline": our partial outline; "none": no body on the site. */
  body: RegulationBody['kind'];
  nodes: readonly BodyNode[];
}

/** The documents citations can point to, with the grammar compiled from their names. */
export interface CitationRegistry {
  readonly grammar: CitationGrammar;
  readonly documents: ReadonlyMap<string, RegistryDocument>;
}

export interface Resolution {
  resolved: boolean;
  anchor: string | null;
  /** `/van-ban/<slug>/dieu-<n>/#<anchor>`, `/van-ban/<slug>/#<anchor>` above an article, `/van-ban/<slug>/`. */
  url: string | null;
  /** Why it did not resolve, in words a trainer can act on. */
  error?: string;
  /**
   * When the unit is only missing from the site (our outline is partial, or there is no body
   * yet): the closest page there is, so a reader still gets somewhere useful.
   */
  fallbackUrl?: string;
}

/** One entry of `camnang cite --json`, as ARCHITECTURE.md specifies. */
export type ResolvedCitation = Pick<Citation, 'text' | 'document' | 'path'> & Resolution;

/** A document's body as the site renders it; a bare node list counts as official text. */
export type CitableBody = Pick<RegulationBody, 'kind' | 'nodes'> | readonly BodyNode[];

/** A regulation missing from `bodies` has no body on the site. */
export function buildRegistry(
  regulations: readonly RegulationEntry[],
  bodies: ReadonlyMap<string, CitableBody>,
): CitationRegistry {
  const documents = new Map<string, RegistryDocument>();
  for (const { id, data } of regulations) {
    const body = bodies.get(id);
    const { kind, nodes } =
      body === undefined
        ? { kind: 'none' as const, nodes: [] }
        : 'kind' in body
          ? body
          : { kind: 'text' as const, nodes: body };
    documents.set(id, { name: documentName(data), body: nodes.length ? kind : 'none', nodes });
  }
  return { grammar: compileCitationGrammar(regulations), documents };
}

const KIND_WORDS: Readonly<Record<StructureKind, string>> = {
  phan: 'phần',
  chuong: 'chương',
  muc: 'mục',
  'tieu-muc': 'tiểu mục',
  dieu: 'điều',
  khoan: 'khoản',
  diem: 'điểm',
};

const isTiet = (step: Pick<StructureStep, 'kind' | 'number'>) =>
  step.kind === 'khoan' && step.number.includes('.');

function matches(node: BodyNode, step: StructureStep): boolean {
  if (node.kind !== step.kind) return false;
  if (step.kind === 'diem')
    return node.number.toLocaleLowerCase('vi') === step.number.toLocaleLowerCase('vi');
  return arabicNumber(node.number) === arabicNumber(step.number);
}

function urlOf(slug: string, node: BodyNode, ancestors: readonly BodyNode[]): string {
  const article = node.kind === 'dieu' ? node : ancestors.findLast((unit) => unit.kind === 'dieu');
  return article
    ? `/van-ban/${slug}/${article.anchor}/#${node.anchor}`
    : `/van-ban/${slug}/#${node.anchor}`;
}

/** Where a citation leads on the site, or why it leads nowhere. */
export function resolveCitation(
  citation: Pick<Citation, 'document' | 'path' | 'error'>,
  registry: CitationRegistry,
): Resolution {
  const failed = (error: string, fallbackUrl?: string): Resolution =>
    fallbackUrl === undefined
      ? { resolved: false, anchor: null, url: null, error }
      : { resolved: false, anchor: null, url: null, error, fallbackUrl };
  if (citation.error) return failed(citation.error);
  const { slug, raw } = citation.document;
  const doc = slug === null ? undefined : registry.documents.get(slug);
  if (slug === null || !doc)
    return failed(`không tìm thấy văn bản "${oneLine(raw) || slug || ''}"`);
  const documentUrl = `/van-ban/${slug}/`;
  if (citation.path.length && doc.body === 'none')
    return failed(`chưa có nội dung chi tiết của ${doc.name} trên trang`, documentUrl);

  let scope = doc.nodes;
  let above: BodyNode[] = [];
  let found: { node: BodyNode; ancestors: BodyNode[] } | undefined;
  const matched: StructureStep[] = [];
  for (const step of citation.path) {
    const within = Array.from(walk(scope, above));
    const hits = within.filter(({ node }) => matches(node, step));
    // The closest hits win: "điểm a Điều 5" is ambiguous only if several khoản have one.
    const depth = Math.min(...hits.map(({ ancestors }) => ancestors.length));
    const closest = hits.filter(({ ancestors }) => ancestors.length === depth);
    const label = matched.length ? clauseCitation(matched, doc.name) : doc.name;
    if (closest.length > 1) {
      return failed(
        `${label} có nhiều ${unitName(step)}: ghi kèm đơn vị chứa nó (Chương, Điều, khoản)`,
      );
    }
    const hit = closest[0];
    if (!hit) {
      const count = within.filter(
        ({ node }) => node.kind === step.kind && isTiet(node) === isTiet(step),
      ).length;
      const unit = unitName(step);
      if (doc.body === 'outline') {
        const inOutline = step.kind === 'dieu' ? ` (phần tóm lược có ${count} điều)` : '';
        return failed(
          `chưa có ${clauseCitation([...matched, step], '').trim()} trong phần tóm lược của ${doc.name}${inOutline}`,
          found ? urlOf(slug, found.node, found.ancestors) : documentUrl,
        );
      }
      const kindWord = isTiet(step) ? 'tiết' : KIND_WORDS[step.kind];
      return failed(
        count ? `${label} có ${count} ${kindWord}, không có ${unit}` : `${label} không có ${unit}`,
      );
    }
    found = hit;
    matched.push(step);
    scope = hit.node.children;
    above = [...hit.ancestors, hit.node];
  }
  return found
    ? { resolved: true, anchor: found.node.anchor, url: urlOf(slug, found.node, found.ancestors) }
    : { resolved: true, anchor: null, url: documentUrl };
}

/** Every citation in `text`, resolved: the JSON of `camnang cite --json`. */
export function resolveAll(
  text: string,
  registry: CitationRegistry,
  context: CitationContext = {},
): { citations: ResolvedCitation[] } {
  return {
    citations: findCitations(text, context, registry.grammar).map((citation) => ({
      text: citation.text,
      document: citation.document,
      path: citation.path,
      ...resolveCitation(citation, registry),
    })),
  };
}

/** How the citation reads in full, smallest unit first: "khoản 2 Điều 5 Quy định 69-QĐ/TW". */
export function citationLabel(
  citation: Pick<Citation, 'document' | 'path'>,
  registry: CitationRegistry,
): string {
  const { slug, raw } = citation.document;
  const name = (slug === null ? undefined : registry.documents.get(slug)?.name) ?? raw;
  return clauseCitation(citation.path, name).trim();
}
