import { getCollection, getEntry, render } from 'astro:content';
import { regulationBody, type RegulationBody } from '../../lib/legal/body.ts';
import { buildRegistry, type CitationRegistry } from '../../lib/legal/resolve.ts';
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
