import { Fragment, type ReactNode } from 'react';
import { t, type Vars } from './index';
import type { MessageKey } from './vi';

/**
 * A message whose `{slots}` hold elements (a <strong> date, a link): the words around them stay in
 * the language file, in the order that language puts them.
 */
export function Rich({ k, vars = {}, parts }: { k: MessageKey; vars?: Vars; parts: Record<string, ReactNode> }) {
  const text = t(k, vars);
  const pieces = text.split(/\{(\w+)\}/g);
  return (
    <>
      {pieces.map((p, i) => (
        <Fragment key={i}>{i % 2 === 1 ? (parts[p] ?? `{${p}}`) : p}</Fragment>
      ))}
    </>
  );
}
