import CaseFacts from './CaseFacts.astro';
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import Compare from './Compare.astro';
import Definition from './Definition.astro';
import KeyPoint from './KeyPoint.astro';
import QuizEmbed from './QuizEmbed.astro';
import Timeline from './Timeline.astro';
import Verdict from './Verdict.astro';

/** Given to every rendered MDX entry, so trainers use the components without importing them. */
export const mdxComponents = {
  CaseFacts,
  Callout,
  Cite,
  Compare,
  Definition,
  KeyPoint,
  QuizEmbed,
  Timeline,
  Verdict,
};
