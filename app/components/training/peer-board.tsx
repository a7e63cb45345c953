// Pieces shared by the fasilitator's peer-review board and a person's page: the tone of each
// "blocked" reason, flag names, and the five figures of a person (owed, done, received, reviewer
// grade, final grade).
import type { T } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

export const BLOCK_TONE = {
  inactive: "danger", notSubmitted: "neutral", calibration: "warning", notOpen: "neutral", owesReviews: "warning", waitingReviews: "brand",
} as const;

export const flagText = (t: T, flags: string[]) => flags.map((x) => t(`review.admin.flag.${x === "generic" ? "generic" : "disagrees"}`)).join(", ");

export interface PersonFigures {
  owed: number; done: number; received: number; submitted: boolean; reviewerGrade: number | null; finalScore: number | null; overridden: boolean;
}

export function PeerPersonFigures({ person: p, perSubmission }: { person: PersonFigures; perSubmission: number }) {
  const t = useT();
  const locale = useLocale();
  const pct = (n: number | null) => (n == null ? "—" : formatNumber(n, locale));
  return (
    <dl className="grid grid-cols-2 gap-x-4 text-sm sm:grid-cols-5">
      <div><dt className="text-muted">{t("review.admin.board.owed")}</dt><dd>{formatNumber(p.owed, locale)}</dd></div>
      <div><dt className="text-muted">{t("review.admin.board.done")}</dt><dd>{formatNumber(p.done, locale)}</dd></div>
      <div><dt className="text-muted">{t("review.admin.board.received")}</dt><dd>{p.submitted ? t("review.admin.board.receivedOf", { n: p.received, of: perSubmission }) : "—"}</dd></div>
      <div><dt className="text-muted">{t("review.admin.board.reviewerGrade")}</dt><dd>{pct(p.reviewerGrade)}</dd></div>
      <div><dt className="text-muted">{t("review.admin.board.final")}</dt><dd data-testid="final">{pct(p.finalScore)}{p.overridden ? <span className="block text-muted">{t("review.admin.board.overridden")}</span> : null}</dd></div>
    </dl>
  );
}
