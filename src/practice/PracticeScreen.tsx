import type { Route } from '../app/routes.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { PracticeList } from './PracticeList.tsx';
import './practice.css';

const PromptPage = lazyComponent(() => import('./PromptPage.tsx').then((m) => m.PromptPage));
const AttemptScreen = lazyComponent(() => import('./AttemptScreen.tsx').then((m) => m.AttemptScreen));
const HistoryView = lazyComponent(() => import('./HistoryView.tsx').then((m) => m.HistoryView));
const StepLens = lazyComponent(() => import('./StepLens.tsx').then((m) => m.StepLens));

/** Every practice screen: the prompt list, a prompt, a running or finished attempt, history, the step lens. */
export function PracticeScreen({ manifest, route }: { manifest: ContentManifest; route: Route }) {
  switch (route.name) {
    case 'practice':
      return <PracticeList manifest={manifest} family={route.family} />;
    case 'practice-prompt':
      return <PromptPage key={route.id} manifest={manifest} id={route.id} />;
    case 'attempt':
      return <AttemptScreen key={route.id} manifest={manifest} id={route.id} />;
    case 'practice-history':
      return <HistoryView manifest={manifest} />;
    case 'steps':
      return <StepLens key={route.step} manifest={manifest} step={route.step} />;
    default:
      return null;
  }
}
