import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterLoad } from './after-load.ts';

/**
 * A screen or part of one whose code loads on first use (precached, so offline too), keeping first load small.
 * A part without a placeholder (a screen's extra, drawn when ready) loads once the page has loaded, never before
 * the first screen's own code.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, placeholder = true): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (Comp) return;
      const start = () => void load().then((c) => setComp(() => (cached = c)));
      if (placeholder) start();
      else afterLoad(start);
    }, []);
    return Comp ? <Comp {...props} /> : placeholder ? <p class="loading">Opening…</p> : null;
  };
}
