import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P extends object> = FunctionComponent<P> & {
  /** Starts loading the code now (a start on this screen's URL); once loaded, the component draws in its first render. */
  preload(): Promise<ComponentType<P>>;
};

/** A screen or part of one whose code loads on first use (precached, so offline too), keeping first load small. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, placeholder = true): LazyComponent<P> {
  let cached: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (c) => (cached = c),
      (err: unknown) => {
        pending = null; // a chunk that failed to load is asked for again on the next use
        throw err;
      },
    ));
  function Lazy(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (!Comp) void preload().then((c) => setComp(() => c));
    }, []);
    return Comp ? <Comp {...props} /> : placeholder ? <p class="loading">Opening…</p> : null;
  }
  return Object.assign(Lazy, { preload });
}
