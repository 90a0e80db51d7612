import type { ChapterMeta } from '../shared/content-types.ts';
import './chapter-practice.css';

/**
 * Practice links inside a chapter (mounted by the reader): "Practise this case" on a case study,
 * "Read this step in every case" on a framework step chapter. Plain links: no practice code loads.
 */
export function ChapterPractice({ meta }: { meta: ChapterMeta }) {
  if (meta.part === 'prompts') {
    return (
      <p class="chapter-practice" data-ui="practice">
        <a class="btn" href={`/practice/${meta.id}`}>
          Practise this prompt
        </a>
      </p>
    );
  }
  if (meta.part === 'cases') {
    return (
      <p class="chapter-practice" data-ui="practice">
        <a class="btn" href={`/practice/${meta.id}`}>
          Practise this case
        </a>
      </p>
    );
  }
  if (meta.part === 'framework' && meta.step) {
    return (
      <p class="chapter-practice" data-ui="practice">
        <a class="btn" href={`/steps/${meta.step}`}>
          Read this step in every case
        </a>
      </p>
    );
  }
  return null;
}
