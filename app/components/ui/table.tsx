import type { ReactNode } from "react";

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
