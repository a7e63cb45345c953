// Minutes pieces: the status badge and the sign-off steps (draft → circulated → approved → locked).
import { Badge } from "~/components/ui/card";
import { useT } from "~/i18n/react";

const STEPS = ["draft", "circulated", "approved", "locked"] as const;
const tone = { draft: "neutral", circulated: "warning", approved: "success", locked: "brand" } as const;

export function MinutesStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={tone[status as keyof typeof tone] ?? "neutral"}>{t(`minutes.status.${status}`)}</Badge>;
}

export function MinutesSteps({ status }: { status: string | null }) {
  const t = useT();
  const at = status ? STEPS.indexOf(status as (typeof STEPS)[number]) : -1;
  return (
    <ol aria-label={t("minutes.steps")} className="mb-6 grid grid-cols-2 gap-2 sm:grid-cols-4">
      {STEPS.map((s, i) => (
        <li
          key={s}
          aria-current={i === at ? "step" : undefined}
          className={`rounded-control border px-3 py-2 text-sm ${
            i === at ? "border-brand-500 bg-brand-50 font-bold text-brand-900" : i < at ? "border-line bg-white text-success-700" : "border-line bg-white text-muted"
          }`}
        >
          <span className="mr-1 tabular-nums">{i < at ? "✓" : `${i + 1}.`}</span>
          {t(`minutes.status.${s}`)}
        </li>
      ))}
    </ol>
  );
}

/** The open/closed sign of a <details> summary (put `group` on the <details>). */
export function Chevron() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5 shrink-0 text-muted transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}
