import type { ReactNode } from "react";
import { useClientNavigation } from "~/components/client-nav";

/** A table that scrolls sideways on a phone instead of breaking the page. */
export function Table({ caption, head, children, className = "" }: {
  caption?: ReactNode; head: ReactNode; children: ReactNode; className?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-card border border-line bg-white ${className}`}>
      <table className="w-full min-w-[36rem] border-collapse text-left text-[0.95rem]">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-surface text-sm text-muted">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

export const Th = ({ children, className = "" }: { children?: ReactNode; className?: string }) => (
  <th scope="col" className={`px-4 py-3 font-semibold ${className}`}>{children}</th>
);
export const Td = ({ children, className = "" }: { children?: ReactNode; className?: string }) => (
  <td className={`px-4 py-3 align-top ${className}`}>{children}</td>
);

// ---------------------------------------------------------------------------------------------
// One markup for a list that is a table from `md` up and a stack of cards below it. Rendering the
// list once (instead of a card list for phones plus a hidden table) halves its HTML and its server
// render time. Below `md` the table, its body and its rows become blocks: every row is a card, the
// header row is hidden, and a cell given a `label` shows it in a narrow column left of its value
// (from `data-label`, through CSS), so a phone reader still knows what each value is.
// The table, row and cell styles are set once, in styles/components.css (`.rt`), for all its rows
// and cells: repeated on every cell they would make up most of the page's HTML. A cell's own
// classes override them (utilities come after components), so they should not set what `.rt` sets
// (display, padding, vertical alignment) unless that is meant; margins, text size and alignment are fine.

/** The list: put `<tr>`s of `<Cell>`s in it, with `<Th>`s in `head` for the wide-screen header.
 *  Links in the rows may be plain `<a href>`: the table turns a plain click on one into a client-side
 *  navigation, as `<Link>` would (see client-nav.tsx). A `<Link>` costs the server render a few hooks and path
 *  resolutions each, which over dozens of rows came to a tenth of the page. */
export function ResponsiveTable({ caption, head, children, className = "" }: {
  caption: ReactNode; head: ReactNode; children: ReactNode; className?: string;
}) {
  const onClick = useClientNavigation();
  return (
    // Not an interactive element: it only hands its links' clicks to the router (they stay links for keyboards and without JS).
    <div onClick={onClick} className={className ? `rt ${className}` : "rt"}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A cell of a ResponsiveTable row. With `label` (the column's name) a phone shows the label to the
 *  left of the value; without it the value stands alone, for cells that speak for themselves (a
 *  name, a badge, the actions). */
export const Cell = ({ children, label, className }: { children?: ReactNode; label?: string; className?: string }) => (
  <td data-label={label} className={className}>{children}</td>
);
