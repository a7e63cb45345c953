// A rubric to read: each criterion with its weight and the four level descriptors (best first),
// optionally with the level given and the fasilitator's comment. One markup for every screen: on a
// phone each criterion is a card with its levels stacked; from `lg` the levels sit side by side.
// Used on the trainee's assignment page, the grade page and the rubric library.
import { useT } from "~/i18n/react";
import { LEVELS, type Criterion } from "~/lib/rubric";

export function RubricTable({ criteria, selected, comments, commentLabel, caption, className = "" }: {
  criteria: Criterion[];
  /** criterion id → level 1..4 given */
  selected?: Record<string, number>;
  /** criterion id → comment */
  comments?: Record<string, string>;
  /** whose comment it is (defaults to "Komentar fasilitator") */
  commentLabel?: string;
  /** an accessible name for the list (defaults to "Rubrik penilaian") */
  caption?: string;
  className?: string;
}) {
  const t = useT();
  return (
    <ol aria-label={caption ?? t("rubric.table.caption")} className={`space-y-3 ${className}`}>
      {criteria.map((c, i) => {
        const chosen = selected?.[c.id];
        const comment = comments?.[c.id];
        return (
          <li key={c.id} className="rounded-card border border-line bg-white p-4">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <h3 className="font-semibold text-ink">
                <span className="text-muted">{i + 1}. </span>
                {c.title}
              </h3>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="rounded-full bg-surface px-2.5 py-0.5 font-medium text-muted">{t("rubric.table.weight", { weight: c.weight })}</span>
                {chosen ? (
                  <span className="rounded-full bg-brand-700 px-2.5 py-0.5 font-semibold text-white">
                    {t("rubric.table.selected")}: {chosen}
                  </span>
                ) : null}
              </p>
            </div>
            <dl className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
              {LEVELS.map((level) => {
                const on = chosen === level;
                return (
                  <div
                    key={level}
                    className={`rounded-control border p-3 ${on ? "border-brand-600 bg-brand-50 ring-2 ring-brand-600/40" : "border-line"}`}
                  >
                    <dt className={`text-sm font-semibold ${on ? "text-brand-800" : "text-muted"}`}>
                      {t("rubric.level", { level })} · {t(`rubric.levelName.${level}`)}
                      {on ? <span className="sr-only"> ({t("rubric.table.selected")})</span> : null}
                    </dt>
                    <dd className="mt-1 text-[0.95rem] text-ink">{c.levels[level - 1]}</dd>
                  </div>
                );
              })}
            </dl>
            {comment ? (
              <p className="mt-3 rounded-control bg-accent-50 px-3 py-2 text-[0.95rem]">
                <span className="font-semibold">{commentLabel ?? t("rubric.table.comment")}: </span>
                {comment}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
