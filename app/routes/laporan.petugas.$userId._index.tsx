// The officer record (rekam jejak) of one calendar year: JP against the 20 JP target, modules with
// their certificates, meetings attended, assignments with status and final grade, peer reviews
// given — with the evidence pack (PDF), the tables as XLSX, and each table as CSV. Seen by the
// officer, their agency's admin, the koordinator and pimpinan; anyone else gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/.server/auth.server";
import { loadOfficerRecord } from "~/.server/officer-record-access.server";
import { can } from "~/.server/permissions.server";
import { Button, buttonClass } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Cell, ResponsiveTable, Th } from "~/components/ui/table";
import { makeT, parseLocale } from "~/i18n";
import { formatDate, formatNumber, formatShortDate, formatTime, zoneAbbr } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { summaryCounts } from "~/lib/record-summary";
import type { AssignmentStatus } from "~/models/officer-record.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  const t = makeT(parseLocale(root?.locale));
  return [{ title: d ? `${t("record.title")} ${d.record.year} — ${d.record.officer.name} — Sinergi` : `${t("record.title")} — Sinergi` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { record, yearError, currentYear } = await loadOfficerRecord(user, request, params.userId);
  const o = record.officer;
  const self = user.id === o.id;
  return {
    record,
    yearError,
    years: yearChoices(currentYear, record.year),
    self,
    membersLink: !self && o.agencyId && can(user, "agency.members.view", { agencyId: o.agencyId }) ? `/instansi/${o.agencyId}/anggota` : null,
  };
}

/** This year and the five before it, newest first, plus the one shown if it is outside them. */
function yearChoices(current: number, shown: number): number[] {
  const years = Array.from({ length: 6 }, (_, i) => current - i).filter((y) => y >= 2000);
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** A date, and under it the time with its zone. */
function When({ iso, tz }: { iso: string; tz: string }) {
  const locale = useLocale();
  return (
    <>
      <span className="md:whitespace-nowrap">{formatShortDate(iso, tz, locale)}</span>
      <span className="block text-sm text-muted">{formatTime(iso, tz, locale)}</span>
    </>
  );
}

export default function OfficerRecordPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const { record: r } = d;
  const o = r.officer;
  const base = `/laporan/petugas/${o.id}`;
  const q = `?tahun=${r.year}`;
  const subtitle = [o.position, o.agencyName ?? t("record.noAgency")].filter(Boolean).join(" · ");
  return (
    <>
      {d.membersLink ? (
        <p className="mb-1 text-sm"><a href={d.membersLink} className="inline-flex min-h-11 items-center">← {t("record.backToMembers", { agency: o.agencyShortName ?? "" })}</a></p>
      ) : null}
      <PageHeader
        eyebrow={t("record.eyebrow")}
        title={o.name}
        description={
          <>
            <span className="block">{subtitle}</span>
            {o.nipMasked ? <span className="block font-mono text-sm tracking-wide" data-testid="nip">{t("record.nip", { nip: o.nipMasked })}</span> : null}
          </>
        }
      />
      {d.yearError ? (
        <Notice tone="warning" role="alert">
          {t(d.yearError.key, { input: d.yearError.input, min: d.yearError.min, max: d.yearError.max, year: r.year })}
        </Notice>
      ) : null}

      <Card className="mb-6">
        <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="record-year" className="mb-1 block font-semibold">{t("record.year.label")}</label>
              <select
                id="record-year"
                name="tahun"
                defaultValue={String(r.year)}
                className="block min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500"
              >
                {d.years.map((y) => <option key={y} value={y}>{y}</option>)}
              </select>
            </div>
            <Button variant="secondary">{t("record.year.show")}</Button>
          </Form>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap md:justify-end">
            <a href={`${base}/bukti-dukung.pdf${q}`} download className={buttonClass("primary")} data-testid="download-pdf">{t("record.download.pdf")}</a>
            <a href={`${base}/rekam.xlsx${q}`} download className={buttonClass("secondary")} data-testid="download-xlsx">{t("record.download.xlsx")}</a>
          </div>
        </div>
        <p className="mt-3 text-sm text-muted md:text-right">{t("record.download.pdfHint")}</p>
      </Card>

      <div className="mb-8 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="record-jp">
          <h2 id="record-jp" className="mb-2 text-lg font-bold">{t("record.jp.title", { year: r.year })}</h2>
          <JpMeter year={r.year} earned={r.jp.earned} target={r.jp.target} />
          <p className="mt-2 text-sm text-muted">{t("record.jp.note", { year: r.year, zone: zoneAbbr(o.timeZone) })}</p>
        </Card>
        <Summary d={d} />
      </div>

      <Modules d={d} csv={`${base}/rekam.csv?tabel=modul&tahun=${r.year}`} />
      <Meetings d={d} csv={`${base}/rekam.csv?tabel=rapat&tahun=${r.year}`} />
      <Assignments d={d} csv={`${base}/rekam.csv?tabel=tugas&tahun=${r.year}`} />
      <Reviews d={d} csv={`${base}/rekam.csv?tabel=ulasan&tahun=${r.year}`} />
    </>
  );
}

function JpMeter({ year, earned, target }: { year: number; earned: number; target: number }) {
  const t = useT();
  const locale = useLocale();
  const pct = Math.min(100, Math.round((earned / target) * 100));
  const reached = earned >= target;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div>
      <p id="record-jp-label" className="sr-only">{t("record.jp.meterLabel", { year })}</p>
      <p className="text-3xl font-bold text-brand-800" data-testid="jp-earned">{t("record.jp.value", { earned: n(earned), target: n(target) })}</p>
      <div
        role="meter"
        aria-labelledby="record-jp-label"
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(earned, target)}
        aria-valuetext={t("record.jp.valueText", { earned: n(earned), target: n(target) })}
        className="mt-2 h-3 overflow-hidden rounded-full bg-brand-100"
      >
        <div className={`h-full rounded-full ${reached ? "bg-success-700" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-2 text-sm">
        {reached ? t("record.jp.reached", { target: n(target), year }) : t("record.jp.remaining", { count: n(target - earned), target: n(target), year })}
      </p>
    </div>
  );
}

function Summary({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const s = d.record.summary;
  const items = summaryCounts(s, t);
  return (
    <Card className="lg:col-span-2" aria-labelledby="record-summary">
      <h2 id="record-summary" className="mb-3 text-lg font-bold">{t("record.summary.title", { year: d.record.year })}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map(([label, value]) => (
          <div key={label} className="rounded-control border border-line bg-surface px-3 py-2">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold text-ink">{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function Section({ id, title, csv, table, note, children }: { id: string; title: string; csv: string; table: string; note?: string; children: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="mb-8">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-xl font-bold">{title}</h2>
        <a href={csv} download className={buttonClass("ghost", "text-sm")} aria-label={t("record.download.csvFor", { table })}>
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M10 3v10m0 0-4-4m4 4 4-4M4 16h12" /></svg>
          {t("record.download.csv")}
        </a>
      </div>
      {note ? <p className="mb-3 text-sm text-muted">{note}</p> : null}
      {children}
    </section>
  );
}

function Modules({ d, csv }: { d: Data; csv: string }) {
  const t = useT();
  const locale = useLocale();
  const r = d.record;
  const tz = r.officer.timeZone;
  return (
    <Section id="record-modules" title={t("record.modules.title")} csv={csv} table={t("record.table.modul")}>
      {r.modules.length === 0 ? (
        <EmptyState>{t("record.modules.empty", { year: r.year })}</EmptyState>
      ) : (
        <>
          <ResponsiveTable
            caption={t("record.modules.title")}
            head={
              <>
                <Th className="min-w-[14rem]">{t("record.col.module")}</Th>
                <Th>{t("record.col.enrolled")}</Th>
                <Th>{t("record.col.status")}</Th>
                <Th className="text-right">{t("record.col.jp")}</Th>
                <Th>{t("record.col.certificate")}</Th>
              </>
            }
          >
            {r.modules.map((m) => (
              <tr key={m.moduleId} data-testid="record-module">
                <Cell>
                  <p className="font-semibold">{d.self ? <a href={`/pelatihan/${m.moduleId}`}>{m.title}</a> : m.title}</p>
                  <p className="text-sm text-muted">{m.organiser}</p>
                </Cell>
                <Cell label={t("record.col.enrolled")} className="md:whitespace-nowrap">{formatShortDate(m.enrolledAt, tz, locale)}</Cell>
                <Cell label={t("record.col.status")} className="md:whitespace-nowrap">
                  {m.status === "completed" && m.completedAt ? (
                    <Badge tone="success">{t("record.module.completedOn", { date: formatShortDate(m.completedAt, tz, locale) })}</Badge>
                  ) : (
                    <Badge tone="brand">{t("record.module.inProgress")}</Badge>
                  )}
                </Cell>
                <Cell label={t("record.col.jp")} className="md:text-right md:whitespace-nowrap">
                  {m.status === "completed" ? (
                    <span className="font-semibold">{formatNumber(m.jpCounted, locale)}</span>
                  ) : (
                    <span className="text-muted">{formatNumber(m.jp, locale)} <span className="text-sm">({t("record.module.notCounted")})</span></span>
                  )}
                </Cell>
                <Cell label={t("record.col.certificate")}>
                  {m.certificate ? (
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <span className={`whitespace-nowrap font-mono font-semibold tracking-wider ${m.certificate.revoked ? "text-muted line-through" : ""}`} data-testid="record-certificate-code">{m.certificate.code}</span>
                      {m.certificate.revoked ? <Badge tone="danger">{t("record.certificate.revoked")}</Badge> : null}
                    </span>
                  ) : (
                    <span className="text-muted">{t("record.certificate.none")}</span>
                  )}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
          <p className="mt-2 text-right font-semibold" data-testid="record-jp-total">{t("record.modules.total", { year: r.year, jp: formatNumber(r.jp.earned, locale) })}</p>
        </>
      )}
    </Section>
  );
}

function Meetings({ d, csv }: { d: Data; csv: string }) {
  const t = useT();
  const locale = useLocale();
  const r = d.record;
  return (
    <Section id="record-meetings" title={t("record.meetings.title")} csv={csv} table={t("record.table.rapat")} note={t("record.meetings.note")}>
      {r.meetings.length === 0 ? (
        <EmptyState>{t("record.meetings.empty", { year: r.year })}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("record.meetings.title")}
          head={
            <>
              <Th className="min-w-[14rem]">{t("record.col.meeting")}</Th>
              <Th>{t("record.col.date")}</Th>
              <Th>{t("record.col.recordedBy")}</Th>
              <Th>{t("record.col.agencyAttendance")}</Th>
            </>
          }
        >
          {r.meetings.map((m) => (
            <tr key={m.meetingId} data-testid="record-meeting">
              <Cell>
                <p className="font-semibold"><a href={`/rapat/${m.meetingId}`}>{m.title}</a></p>
                <p className="text-sm text-muted">{t(`meeting.mode.${m.mode}`)}</p>
              </Cell>
              <Cell label={t("record.col.date")}>
                {formatDate(m.startsAt, m.timeZone, locale)}
                <span className="block text-sm text-muted">{formatTime(m.startsAt, m.timeZone, locale)}</span>
              </Cell>
              <Cell label={t("record.col.recordedBy")} className="max-md:min-h-10">
                {m.via === "checkIn" && m.checkedInAt
                  ? t("record.via.checkInAt", { time: formatTime(m.checkedInAt, m.timeZone, locale) })
                  : t("record.via.agencyAttendance")}
              </Cell>
              <Cell label={t("record.col.agencyAttendance")} className="max-md:min-h-10">
                {m.agencyAttendance ? <Badge tone="success">{t(`attendance.status.${m.agencyAttendance}`)}</Badge> : t("state.none")}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </Section>
  );
}

const statusTone: Record<AssignmentStatus, "success" | "warning" | "danger" | "neutral"> = {
  onTime: "success", late: "warning", overdue: "danger", missing: "danger", notDue: "neutral",
};

function Assignments({ d, csv }: { d: Data; csv: string }) {
  const t = useT();
  const locale = useLocale();
  const r = d.record;
  const tz = r.officer.timeZone;
  return (
    <Section id="record-assignments" title={t("record.assignments.title")} csv={csv} table={t("record.table.tugas")} note={t("record.assignments.note", { year: r.year })}>
      {r.assignments.length === 0 ? (
        <EmptyState>{t("record.assignments.empty", { year: r.year })}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("record.assignments.title")}
          head={
            <>
              <Th className="min-w-[14rem]">{t("record.col.assignment")}</Th>
              <Th>{t("record.col.due")}</Th>
              <Th>{t("record.col.submitted")}</Th>
              <Th>{t("record.col.status")}</Th>
              <Th className="text-right">{t("record.col.finalScore")}</Th>
            </>
          }
        >
          {r.assignments.map((a) => (
            <tr key={a.assignmentId} data-testid="record-assignment">
              <Cell>
                <p className="font-semibold">{d.self ? <a href={`/pelatihan/${a.moduleId}/tugas/${a.assignmentId}`}>{a.title}</a> : a.title}</p>
                <p className="text-sm text-muted">{a.moduleTitle}</p>
              </Cell>
              <Cell label={t("record.col.due")}>
                <When iso={a.dueAt} tz={tz} />
                {a.extended ? <span className="block text-sm text-muted">{t("record.assignment.extended")}</span> : null}
              </Cell>
              <Cell label={t("record.col.submitted")}>{a.submittedAt ? <When iso={a.submittedAt} tz={tz} /> : t("state.none")}</Cell>
              <Cell label={t("record.col.status")} className="md:whitespace-nowrap">
                <Badge tone={statusTone[a.status]}>{t(`record.status.${a.status}`)}</Badge>
                {a.returned ? <span className="mt-1 block text-sm text-muted">{t("record.assignment.returned")}</span> : null}
              </Cell>
              <Cell label={t("record.col.finalScore")} className="md:text-right">
                {a.finalScore != null ? <span className="font-semibold">{formatNumber(a.finalScore, locale)}</span> : <span className="text-muted">{t("state.none")}</span>}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </Section>
  );
}

function Reviews({ d, csv }: { d: Data; csv: string }) {
  const t = useT();
  const r = d.record;
  const tz = r.officer.timeZone;
  return (
    <Section id="record-reviews" title={t("record.reviews.title")} csv={csv} table={t("record.table.ulasan")}>
      {r.reviews.length === 0 ? (
        <EmptyState>{t("record.reviews.empty", { year: r.year })}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("record.reviews.title")}
          head={
            <>
              <Th className="min-w-[14rem]">{t("record.col.assignment")}</Th>
              <Th>{t("record.col.reviewSent")}</Th>
              <Th>{t("record.col.helpfulness")}</Th>
            </>
          }
        >
          {r.reviews.map((v) => (
            <tr key={v.reviewId} data-testid="record-review">
              <Cell>
                <p className="font-semibold">{v.assignmentTitle}</p>
                <p className="text-sm text-muted">{v.moduleTitle}</p>
              </Cell>
              <Cell label={t("record.col.reviewSent")}>{v.submittedAt ? <When iso={v.submittedAt} tz={tz} /> : t("state.none")}</Cell>
              <Cell label={t("record.col.helpfulness")} className="max-md:min-h-10">
                {v.helpfulness != null ? t("record.review.helpfulness", { value: v.helpfulness }) : <span className="text-muted">{t("record.review.notRated")}</span>}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </Section>
  );
}
