// The four level choices of one rubric criterion, as large radio cards with their descriptors —
// the same control for the fasilitator's grade and a peer's review. Posts `level.<criterionId>`.
import { useT } from "~/i18n/react";
import { LEVELS } from "~/lib/rubric";

export function LevelChoices({ criterionId, descriptors, checked, onPick }: {
  criterionId: string;
  /** the descriptors of levels 1..4, in that order */
  descriptors: readonly string[];
  /** the level chosen before (as posted), for the no-JS round trip */
  checked?: string;
  onPick?: (level: number) => void;
}) {
  const t = useT();
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {LEVELS.map((level) => (
        <label
          key={level}
          className="flex min-h-11 cursor-pointer gap-3 rounded-control border border-line p-3 hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
        >
          <input
            type="radio"
            name={`level.${criterionId}`}
            value={String(level)}
            defaultChecked={checked === String(level)}
            onChange={() => onPick?.(level)}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <span>
            <span className="block font-semibold">{t("rubric.level", { level })} · {t(`rubric.levelName.${level}`)}</span>
            <span className="block text-[0.95rem] text-ink">{descriptors[level - 1]}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
