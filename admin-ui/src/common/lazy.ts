import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a named export: the module (and what only it imports, e.g. recharts) becomes its
 * own chunk, fetched the first time the component renders. react-admin's Layout wraps the page in
 * <Suspense fallback={<Loading />}>, so a lazy resource or route needs no Suspense of its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, whatever its props: they are checked where it renders
export function lazyNamed<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
