// Cohorts and enrolment of a module (its managers): create cohorts (dates, zone, open for
// self-enrolment), enrol whole agencies (every active member) or chosen people (searched by name or
// e-mail among active accounts), withdraw, and the list by agency with each person's progress.
// Every form works without JavaScript; the people search is a GET form.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { requireModule } from "~/.server/training-access.server";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { formatCalendarDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { COHORT_ZONES, cohortSchema } from "~/lib/module";
import { listAgencyOptions } from "~/models/agency.server";
import {
  createCohort, enrolAgencies, enrolPeople, listCohorts, listEnrolmentsByAgency, searchPeople, setCohortOpen, withdrawEnrolment,
} from "~/models/enrolment.server";
import { listLessons } from "~/models/lesson.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Peserta pelatihan — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const [cohorts, agencies, groups, lessons, people] = await Promise.all([
    listCohorts(db, m.module.id), listAgencyOptions(db), listEnrolmentsByAgency(db, m.module.id), listLessons(db, m.module.id), searchPeople(db, q),
  ]);
  return {
    moduleId: m.module.id,
    moduleTitle: m.module.title,
    cohorts,
    agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
    groups,
    lessonCount: lessons.length,
    q,
    people,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const actor = { id: user.id, ip: context.ip };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/pelatihan/${m.module.id}/peserta`;
  if (intent === "cohort") {
    const submission = parseWithZod(formData, { schema: cohortSchema });
    if (submission.status !== "success") return data({ cohortResult: submission.reply() }, { status: 400 });
    await createCohort(db, m.module.id, submission.value, actor);
    return redirectWithFlash(back, { tone: "success", key: "module.cohort.flash.created" });
  }
  if (intent === "openCohort" || intent === "closeCohort") {
    await setCohortOpen(db, m.module.id, String(formData.get("cohortId") ?? ""), intent === "openCohort");
    return redirectWithFlash(back, { tone: "success", key: "module.cohort.flash.updated" });
  }
  if (intent === "withdraw") {
    await withdrawEnrolment(db, m.module.id, String(formData.get("enrolmentId") ?? ""), actor);
    return redirectWithFlash(`${back}#enrolments`, { tone: "success", key: "module.enrol.flash.withdrawn" });
  }
  if (intent === "enrolAgencies" || intent === "enrolPeople") {
    const ctx = { moduleId: m.module.id, moduleTitle: m.module.title, cohortId: String(formData.get("cohortId") ?? ""), actor, baseUrl: absoluteUrl(request, "/") };
    const ids = formData.getAll(intent === "enrolAgencies" ? "agencyId" : "userId").map(String).filter(Boolean).slice(0, 5000);
    const r = intent === "enrolAgencies" ? await enrolAgencies(db, ctx, ids) : await enrolPeople(db, ctx, ids);
    if (!r.ok) {
      return data({ enrolError: { intent, error: r.error, names: "names" in r ? r.names : [], chosen: ids, cohortId: ctx.cohortId } }, { status: 400 });
    }
    return redirectWithFlash(`${back}#enrolments`, { tone: "success", key: "module.enrol.added", params: { added: r.added, already: r.already } });
  }
  return data({ enrolError: null }, { status: 400 });
}

export default function Participants() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const total = d.groups.reduce((n, g) => n + g.people.length, 0);
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.moduleId}`} className="no-underline">{d.moduleTitle}</Link>}
        title={t("module.enrol.title")}
        description={t("module.enrol.total", { count: total })}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
        <div className="min-w-0 space-y-6">
          <Cohorts />
          {d.cohorts.length ? <EnrolAgencies /> : null}
          {d.cohorts.length ? <EnrolPeople /> : null}
        </div>
        <Enrolments />
      </div>
    </>
  );
}

function EnrolError({ intent }: { intent: string }) {
  const a = useActionData<typeof action>();
  const t = useT();
  const e = a && "enrolError" in a ? a.enrolError : null;
  if (!e || e.intent !== intent) return null;
  const message = e.error === "module.enrol.deactivated"
    ? e.names.length ? t("module.enrol.deactivated", { names: e.names.join(", ") }) : t("module.enrol.deactivatedUnknown")
    : t(e.error);
  return <Notice tone="danger">{message}</Notice>;
}

function useChosen(intent: string) {
  const a = useActionData<typeof action>();
  const e = a && "enrolError" in a ? a.enrolError : null;
  return e && e.intent === intent ? { ids: new Set(e.chosen), cohortId: e.cohortId } : null;
}

function CohortSelect({ id, defaultValue }: { id: string; defaultValue?: string }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const open = d.cohorts.find((c) => c.open);
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block font-semibold">{t("module.enrol.cohort")}</label>
      <select id={id} name="cohortId" defaultValue={defaultValue ?? open?.id ?? d.cohorts[0]?.id} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
        {d.cohorts.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </select>
    </div>
  );
}

function Cohorts() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: a && "cohortResult" in a ? a.cohortResult : undefined,
    defaultValue: { timeZone: "Asia/Jakarta" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cohortSchema }),
  });
  return (
    <Card aria-labelledby="cohorts">
      <h2 id="cohorts" className="mb-3 text-xl font-bold">{t("module.enrol.cohorts")}</h2>
      {d.cohorts.length === 0 ? (
        <p className="mb-4 text-muted">{t("module.enrol.noCohorts")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-line">
          {d.cohorts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-semibold">{c.name}</p>
                <p className="text-sm text-muted">
                  {formatCalendarDate(c.startsOn, locale)} – {formatCalendarDate(c.endsOn, locale)} · {t(`tz.${c.timeZone}`).split(" ")[0]} · {t("module.cohort.enrolled", { count: c.enrolled })}
                </p>
                {c.open ? <Badge tone="success">{t("module.cohort.open")}</Badge> : null}
              </div>
              <Form method="post">
                <input type="hidden" name="cohortId" value={c.id} />
                <Button name="intent" value={c.open ? "closeCohort" : "openCohort"} variant="ghost" className="!px-3" disabled={navigation.state !== "idle"}>
                  {c.open ? t("module.cohort.closeAction") : t("module.cohort.openAction")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <details open={d.cohorts.length === 0 || !!form.errors?.length || Object.values(fields).some((f) => f.errors?.length)} className="rounded-control border border-line p-3">
        <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">{t("module.cohort.new")}</summary>
        <Form method="post" {...getFormProps(form)} className="mt-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label={t("module.cohort.field.name")} field={fields.name} hint={t("module.cohort.field.nameHint")} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field label={t("module.cohort.field.startsOn")} field={fields.startsOn} type="date" />
            <Field label={t("module.cohort.field.endsOn")} field={fields.endsOn} type="date" />
          </div>
          <SelectField label={t("module.cohort.field.timeZone")} field={fields.timeZone} options={COHORT_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
          <CheckboxField label={t("module.cohort.field.openEnrolment")} field={fields.openEnrolment} hint={t("module.cohort.field.openEnrolmentHint")} />
          <Button name="intent" value="cohort" disabled={navigation.state !== "idle"}>{t("module.cohort.create")}</Button>
        </Form>
      </details>
    </Card>
  );
}

function EnrolAgencies() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const chosen = useChosen("enrolAgencies");
  return (
    <Card aria-labelledby="enrol-agencies">
      <h2 id="enrol-agencies" className="mb-1 text-xl font-bold">{t("module.enrol.agencies")}</h2>
      <p className="mb-3 text-sm text-muted">{t("module.enrol.agenciesHint")}</p>
      <EnrolError intent="enrolAgencies" />
      <Form method="post">
        <CohortSelect id="agency-cohort" defaultValue={chosen?.cohortId} />
        <fieldset className="mb-3 max-h-72 overflow-y-auto rounded-control border border-line px-3 py-1">
          <legend className="sr-only">{t("module.enrol.agencies")}</legend>
          {d.agencies.map((a) => (
            <label key={a.id} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="agencyId" value={a.id} defaultChecked={chosen?.ids.has(a.id)} className="size-5 shrink-0 accent-brand-700" />
              <span>{a.name}</span>
            </label>
          ))}
        </fieldset>
        <Button name="intent" value="enrolAgencies" className="w-full sm:w-auto" disabled={navigation.state !== "idle"}>{t("module.enrol.submitAgencies")}</Button>
      </Form>
    </Card>
  );
}

function EnrolPeople() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const chosen = useChosen("enrolPeople");
  return (
    <Card aria-labelledby="enrol-people">
      <h2 id="enrol-people" className="mb-3 text-xl font-bold">{t("module.enrol.people")}</h2>
      <EnrolError intent="enrolPeople" />
      <Form method="get" className="mb-3">
        <label htmlFor="people-q" className="mb-1 block font-semibold">{t("module.enrol.search")}</label>
        <p id="people-q-hint" className="mb-1 text-sm text-muted">{t("module.enrol.searchHint")}</p>
        <div className="flex gap-2">
          <input id="people-q" name="q" type="search" defaultValue={d.q} aria-describedby="people-q-hint" className="block min-h-11 w-full min-w-0 rounded-control border border-line bg-white px-3 py-2" />
          <Button variant="secondary">{t("action.search")}</Button>
        </div>
      </Form>
      {d.q.length >= 2 && d.people.length === 0 ? <p className="text-muted">{t("module.enrol.searchNone", { q: d.q })}</p> : null}
      {d.people.length ? (
        <Form method="post">
          <CohortSelect id="people-cohort" defaultValue={chosen?.cohortId} />
          <fieldset className="mb-3 rounded-control border border-line px-3 py-1">
            <legend className="sr-only">{t("module.enrol.people")}</legend>
            {d.people.map((p) => (
              <label key={p.id} className="flex min-h-11 items-center gap-3 py-1">
                <input type="checkbox" name="userId" value={p.id} defaultChecked={chosen?.ids.has(p.id)} className="size-5 shrink-0 accent-brand-700" />
                <span className="min-w-0">
                  <span className="block font-medium">{p.name}</span>
                  <span className="block break-all text-sm text-muted">{p.email}{p.agency ? ` · ${p.agency}` : ""}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Button name="intent" value="enrolPeople" className="w-full sm:w-auto" disabled={navigation.state !== "idle"}>{t("module.enrol.submitPeople")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

function Enrolments() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="enrolments" className="min-w-0">
      <h2 id="enrolments" className="mb-3 text-xl font-bold">{t("module.enrol.list")}</h2>
      {d.groups.length === 0 ? (
        <EmptyState>{t("module.enrol.empty")}</EmptyState>
      ) : (
        <div className="space-y-4">
          {d.groups.map((g) => (
            <Card key={g.agencyId ?? "none"} as="div" className="!p-0">
              <h3 className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3 font-bold">
                <span>{g.agencyName ?? t("module.enrol.noAgency")}</span>
                <span className="text-sm font-normal text-muted">{t("module.enrol.count", { count: g.people.length })}</span>
              </h3>
              <ul className="divide-y divide-line">
                {g.people.map((p) => (
                  <li key={p.enrolmentId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium">{p.name}</p>
                      <p className="text-sm text-muted">
                        {p.cohort} · {t("module.enrol.progress", { done: p.lessonsDone, total: d.lessonCount })}
                      </p>
                    </div>
                    {p.completed ? <Badge tone="success">{t("module.enrol.completed")}</Badge> : null}
                    {!p.active ? <Badge tone="warning">{t("module.enrol.inactive")}</Badge> : null}
                    <Form method="post">
                      <input type="hidden" name="enrolmentId" value={p.enrolmentId} />
                      <Button name="intent" value="withdraw" variant="ghost" className="!px-3 text-danger-700" aria-label={t("module.enrol.withdrawLabel", { name: p.name })} disabled={navigation.state !== "idle"}>
                        {t("module.enrol.withdraw")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
