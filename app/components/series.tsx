// Series pieces: a rule described in words ("Senin pertama setiap bulan, 10.00 WIB").
import { zoneAbbr } from "~/i18n/format";
import { useT } from "~/i18n/react";

export interface RuleLike {
  recurrence: string;
  weekday: number | null;
  week_of_month: number | null;
  day_of_month: number | null;
  start_time: string;
  time_zone: string;
}

export function useDescribeRule() {
  const t = useT();
  return (r: RuleLike) => {
    const time = `${r.start_time.replace(":", ".")} ${zoneAbbr(r.time_zone)}`;
    const day = r.weekday !== null ? t(`series.weekday.${r.weekday}`) : "";
    if (r.recurrence === "weekly") return t("series.describe.weekly", { day, time });
    if (r.recurrence === "monthly_date") return t("series.describe.monthlyDate", { date: r.day_of_month ?? 1, time });
    return t("series.describe.monthlyWeekday", { day, nth: t(`series.nthInline.${r.week_of_month ?? 1}`), time });
  };
}
