// Public: what a certificate says, by its code — valid, revoked or unknown. No sign-in. Shows only
// what is printed on the certificate (never an e-mail or NIP). Lookups are rate-limited per address
// so codes cannot be enumerated; an unknown code answers 404 with a message and the form again.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { db } from "~/.server/db.server";
import { hit, LIMITS } from "~/.server/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VerifyForm } from "~/components/training/learning-verify-form";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatCalendarDate, formatDate } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { findCertificateByCode, formatCertificateCode } from "~/models/certificate.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [
    { title: `${makeT(parseLocale(root?.locale))("certificate.verify.title")} — Sinergi` },
    { name: "robots", content: "noindex" },
  ];
};

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const typed = (params.code ?? "").slice(0, 40);
  if (!hit(`certificate-lookup:${context.ip}`, LIMITS.certificateLookup)) {
    return data({ state: "limited" as const, typed, certificate: null }, { status: 429 });
  }
  const c = await findCertificateByCode(db, typed);
  if (!c) return data({ state: "unknown" as const, typed, certificate: null }, { status: 404 });
  return {
    state: c.revokedAt ? ("revoked" as const) : ("valid" as const),
    typed,
    certificate: {
      code: formatCertificateCode(c.code),
      holderName: c.holderName,
      agencyName: c.agencyName,
      moduleTitle: c.moduleTitle,
      jp: c.jp,
      startsOn: c.startsOn,
      completedOn: c.completedOn,
      organiser: c.organiser,
      revokedAt: c.revokedAt,
    },
  };
}

export default function VerifyCode() {
  const { state, typed, certificate: c } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("certificate.verify.title")} />
      {state === "limited" ? <Notice tone="danger">{t("certificate.verify.tooMany")}</Notice> : null}
      {state === "unknown" ? (
        <Card className="mb-6 border-danger-600/40">
          <h2 className="text-xl font-bold text-danger-700">{t("certificate.verify.unknown")}</h2>
          <p className="mt-1 break-words">{t("certificate.verify.unknownLead", { code: typed })}</p>
          <p className="mt-1 text-sm text-muted">{t("certificate.verify.unknownHint")}</p>
        </Card>
      ) : null}
      {c ? (
        <Card className={`mb-6 border-t-4 ${state === "valid" ? "border-t-success-700" : "border-t-danger-600"}`} aria-labelledby="verify-result">
          <p id="verify-result" className={`flex items-center gap-2 text-xl font-bold ${state === "valid" ? "text-success-700" : "text-danger-700"}`}>
            <span aria-hidden className={`grid size-8 shrink-0 place-items-center rounded-full text-white ${state === "valid" ? "bg-success-700" : "bg-danger-600"}`}>
              {state === "valid" ? "✓" : "✕"}
            </span>
            {t(state === "valid" ? "certificate.verify.valid" : "certificate.verify.revoked")}
          </p>
          <p className="mt-1 text-muted">
            {state === "valid" ? t("certificate.verify.validLead") : t("certificate.verify.revokedLead", { date: formatDate(c.revokedAt!, tz, locale) })}
          </p>
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <Row label={t("certificate.verify.holder")}><span className="text-lg font-bold">{c.holderName}</span></Row>
            {c.agencyName ? <Row label={t("certificate.verify.agency")}>{c.agencyName}</Row> : null}
            <Row label={t("certificate.verify.module")}><span className="font-semibold">{c.moduleTitle}</span></Row>
            <Row label={t("certificate.verify.jp")}>{t("learning.jpUnit", { jp: c.jp })}</Row>
            <Row label={t("certificate.verify.startsOn")}>{formatCalendarDate(c.startsOn, locale)}</Row>
            <Row label={t("certificate.verify.completedOn")}>{formatCalendarDate(c.completedOn, locale)}</Row>
            <Row label={t("certificate.verify.organiser")}>{c.organiser}</Row>
            <Row label={t("certificate.verify.codeLabel")}><span className="font-mono font-semibold tracking-wider" data-testid="verified-code">{c.code}</span></Row>
          </dl>
        </Card>
      ) : null}
      <Card aria-labelledby="verify-another">
        <h2 id="verify-another" className="mb-3 text-lg font-bold">{t("certificate.verify.another")}</h2>
        <VerifyForm defaultCode={state === "unknown" ? typed : undefined} />
      </Card>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-sm font-semibold text-muted sm:pt-0.5">{label}</dt>
      <dd className="-mt-2 break-words sm:mt-0">{children}</dd>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
