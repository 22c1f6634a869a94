import { createElement, Fragment, type ReactNode } from 'react';
import type { SafeNode } from '@/lib/clinical/safe-html';

/** Tailwind resets lists and tables: give a document's own structure back its shape. */
export const SAFE_HTML_CLASS =
  'text-sm [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_table]:my-1 [&_td]:border [&_td]:border-line [&_td]:px-2 [&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:text-left';

/**
 * Renders the sanitiser's tree (lib/clinical/safe-html.ts) as React elements: only allow-listed tag names,
 * no attributes, text escaped by React. There is no HTML string anywhere on this path.
 */
export function SafeNodes({ nodes }: { nodes: readonly SafeNode[] }): ReactNode {
  return (
    <>
      {nodes.map((n, i) =>
        typeof n === 'string' ? (
          <Fragment key={i}>{n}</Fragment>
        ) : n.tag === 'br' || n.tag === 'hr' ? (
          createElement(n.tag, { key: i })
        ) : (
          createElement(n.tag, { key: i }, <SafeNodes nodes={n.children} />)
        ),
      )}
    </>
  );
}
