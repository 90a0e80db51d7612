import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A screen or part of one whose code loads on first use (precached, so offline too), keeping first load small. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, placeholder = true): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (!Comp) void load().then((c) => setComp(() => (cached = c)));
    }, []);
    return Comp ? <Comp {...props} /> : placeholder ? <p class="loading">Opening…</p> : null;
  };
}
