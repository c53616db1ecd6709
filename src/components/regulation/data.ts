import { getCollection, getEntry, render } from 'astro:content';
import { regulationBody, type RegulationBody } from '../../lib/legal/body.ts';
import { t } from '../../i18n/index.ts';
import { citeElements, proseOf } from '../../lib/content/prose.ts';
import { collectBacklinks, type Backlink, type CitingSource } from '../../lib/legal/backlinks.ts';
import { buildRegistry, type CitationRegistry } from '../../lib/legal/resolve.ts';
import { walk, type BodyNode } from '../../lib/legal/tree.ts';
import { gradableUnits } from '../../lib/quiz/questions.ts';
import type { Annotation } from '../../schemas/annotation.ts';

// Imported texts are read raw and parsed once per document per build.
const texts = import.meta.glob<string>('/content/regulations/*/text.txt', {
  query: '?raw',
  import: 'default',
});
const bodies = new Map<string, Promise<RegulationBody>>();

export function bodyOf(slug: string): Promise<RegulationBody> {
  let body = bodies.get(slug);
  if (!body) {
    body = (async () => {
      const load = texts[`/content/regulations/${slug}/text.txt`];
      const outline = await getEntry('outlines', slug);
      return regulationBody({ text: load ? await load() : undefined, outline: outline?.data });
    })();
    bodies.set(slug, body);
  }
  return body;
}

export interface RenderedAnnotation {
  id: string;
  data: Annotation;
  Content: Awaited<ReturnType<typeof render>>['Content'];
}

/** A document's annotations, rendered, by the anchor each one explains, oldest first. */
export async function annotationsOf(slug: string): Promise<Map<string, RenderedAnnotation[]>> {
  const entries = await getCollection('annotations', (entry) => entry.id.startsWith(`${slug}/`));
  entries.sort((a, b) => a.data.date.localeCompare(b.data.date));
  const byAnchor = new Map<string, RenderedAnnotation[]>();
  for (const entry of entries) {
    const { Content } = await render(entry);
    for (const target of entry.data.targets) {
      byAnchor.set(target, [...(byAnchor.get(target) ?? []), { id: entry.id, data: entry.data, Content }]);
    }
  }
  return byAnchor;
}

let registry: Promise<CitationRegistry> | undefined;

/** Every regulation and its body, for resolving citations; built once per build. */
export function citationRegistry(): Promise<CitationRegistry> {
  registry ??= (async () => {
    const regulations = await getCollection('regulations');
    const bodies = new Map(
      await Promise.all(regulations.map(async ({ id }) => [id, await bodyOf(id)] as const)),
    );
    return buildRegistry(regulations, bodies);
  })();
  return registry;
}

let backlinks: Promise<Map<string, Backlink[]>> | undefined;

/** Who cites each article ("slug#dieu-n"): lessons, cases, guidance, annotations, questions. */
export function backlinksIndex(): Promise<Map<string, Backlink[]>> {
  backlinks ??= (async () => {
    const sources: CitingSource[] = [];
    const mdx = (body: string | undefined) => ({
      texts: [proseOf(body ?? '')],
      refs: citeElements(body ?? ''),
    });
    for (const entry of await getCollection('lessons')) {
      sources.push({ kind: t('lesson.kind'), title: entry.data.title, href: `/bai-hoc/${entry.id}/`, ...mdx(entry.body) });
    }
    for (const entry of await getCollection('cases')) {
      const { texts, refs } = mdx(entry.body);
      const data = entry.data;
      sources.push({
        kind: t('case.kind'),
        title: data.title,
        href: `/tinh-huong/${entry.id}/`,
        texts: [...texts, data.situation, data.analysis, data.outcome],
        refs: [...refs, ...data.regulations.map((ref) => ({ ref }))],
      });
    }
    for (const entry of await getCollection('guidance')) {
      sources.push({ kind: t('guidance.kind'), title: entry.data.title, href: `/huong-dan/${entry.id}/`, ...mdx(entry.body) });
    }
    for (const entry of await getCollection('annotations')) {
      const slug = entry.id.split('/')[0] ?? '';
      const body = await bodyOf(slug);
      const articles = entry.data.targets.flatMap((target) => {
        const article = articleOf(body.nodes, target);
        return article ? [`${slug}#${article}`] : [];
      });
      const [first] = entry.data.targets;
      const article = articles[0]?.split('#')[1];
      sources.push({
        kind: t('annotation.heading'),
        title: `${t(`annotation.kind.${entry.data.kind}`)} · ${entry.data.author}`,
        href: article ? `/van-ban/${slug}/${article}/#${first}` : `/van-ban/${slug}/`,
        anchors: articles,
        context: { document: slug },
        ...mdx(entry.body),
      });
    }
    // Questions of practice quizzes only: an exam's questions are not for browsing.
    const practiceBanks = new Map<string, string>();
    for (const quiz of await getCollection('quizzes')) {
      if (quiz.data.mode !== 'practice') continue;
      for (const bank of quiz.data.banks) if (!practiceBanks.has(bank)) practiceBanks.set(bank, quiz.id);
    }
    for (const bank of await getCollection('questionBanks')) {
      const quizId = practiceBanks.get(bank.id);
      if (!quizId) continue;
      for (const question of bank.data.questions) {
        for (const unit of gradableUnits(question)) {
          sources.push({
            kind: t('quiz.questionKind'),
            title: unit.question.prompt,
            href: `/trac-nghiem/${quizId}/?cau=${unit.key}`,
            texts: [],
            refs: unit.cites.map((ref) => ({ ref })),
          });
        }
      }
    }
    return collectBacklinks(sources, await citationRegistry());
  })();
  return backlinks;
}

/** The anchor of the article that holds `anchor`, if any. */
function articleOf(nodes: BodyNode[], anchor: string): string | undefined {
  for (const { node, ancestors } of walk(nodes)) {
    if (node.anchor !== anchor) continue;
    return node.kind === 'dieu' ? node.anchor : ancestors.findLast((a) => a.kind === 'dieu')?.anchor;
  }
  return undefined;
}
