// Printable pages (daftar hadir, notulen): an A4 sheet on screen and on paper, with the app's
// header, navigation and footer hidden when printing. Styles are inline here so only print pages
// carry them.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { buttonClass } from "./ui/button";

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html, body { background: #fff !important; }
  header[role="banner"], footer, nav, .no-print { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .print-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; font-size: 10.5pt; }
  .print-sheet table { page-break-inside: auto; }
  .print-sheet tr { page-break-inside: avoid; }
  .print-sheet thead { display: table-header-group; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;

export function PrintSheet({ backTo, children }: { backTo: string; children: ReactNode }) {
  const t = useT();
  return (
    <>
      {/* raw text: React 18 would escape the quotes and `>` of the selectors (see PrintSetup) */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="no-print mb-4 flex flex-wrap items-center gap-2">
        <Link to={backTo} className={buttonClass("secondary")}>{t("action.back")}</Link>
        <PrintButton />
        <p className="text-sm text-muted">{t("print.hint")}</p>
      </div>
      <article className="print-sheet mx-auto max-w-[210mm] rounded-card border border-line bg-white p-5 text-[0.95rem] text-ink shadow-sm sm:p-10">
        {children}
      </article>
    </>
  );
}

function PrintButton() {
  const t = useT();
  return (
    <button type="button" className={buttonClass("primary")} onClick={() => window.print()}>
      {t("print.button")}
    </button>
  );
}

/** The letterhead-like top of a printed document. */
export function PrintHeader({ network, title, children }: { network: string | null; title: string; children?: ReactNode }) {
  return (
    <header className="mb-5 border-b-2 border-ink pb-3 text-center">
      {network ? <p className="text-sm font-semibold uppercase tracking-wide">{network}</p> : null}
      <h1 className="mt-1 text-xl font-bold uppercase tracking-wide text-ink">{title}</h1>
      {children}
    </header>
  );
}

export const printTable = "w-full border-collapse text-left text-sm [&_td]:border [&_td]:border-ink/60 [&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_th]:border [&_th]:border-ink/60 [&_th]:bg-surface [&_th]:px-2 [&_th]:py-1.5";
