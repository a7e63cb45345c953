// Calibration before peer review: the trainee scores each example piece the fasilitator prepared
// (levels only), then sees per criterion the reference, the difference and the fasilitator's note.
// Passing = within one level of the reference on every criterion of every example; then they join
// the reviewing pool. The reference comes only from the database: any other posted field refuses.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { renderRichText } from "~/.server/rich-text.server";
import { requireAssignment } from "~/.server/submission-access.server";
import { FormErrors } from "~/components/form";
import { RichTextView } from "~/components/rich-text/view";
import { LevelChoices } from "~/components/training/level-choices";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { allocateReviews } from "~/models/peer-allocation.server";
import { attemptCalibration, calibrationFor, calibrationOn } from "~/models/peer-review.server";
import { listCriteria } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("review.calib.title")} — Sinergi` }];
};

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const m = await requireAssignment(user, params.moduleId, params.assignmentId);
  if (!m.learner || !(await calibrationOn(db, m.assignment.id))) notFound();
  return { user, m };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, m } = await load(request, params);
  const a = m.assignment;
  const [criteria, calib] = await Promise.all([a.rubric_id ? listCriteria(db, a.rubric_id) : [], calibrationFor(db, a.id, user.id)]);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, levels: c.levels })),
    passed: calib.passed,
    examples: calib.examples.map(({ bodyJson, imagePath, ...e }) => ({
      ...e,
      html: bodyJson ? renderRichText(bodyJson) : null,
      imageUrl: imagePath ? `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca/kalibrasi/${e.id}/gambar` : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, m } = await load(request, params);
  const fd = await request.formData();
  const exampleId = String(fd.get("exampleId") ?? "");
  const levels: Record<string, string> = {};
  const otherFields: string[] = [];
  for (const [k, v] of fd) {
    if (k === "exampleId") continue;
    if (k.startsWith("level.")) levels[k.slice(6)] = String(v);
    else otherFields.push(k);
  }
  const r = await attemptCalibration(db, m.assignment.id, exampleId, user.id, { levels, otherFields });
  if (!r.ok) {
    if (r.error === "review.calib.notFound") notFound();
    return data({ exampleId, error: r.error, levels }, { status: 400 });
  }
  // Passing every example lets them into the pool: give them their reviews now if reviewing is open.
  if (r.passedAll) await allocateReviews(db, m.assignment.id);
  const self = `/pelatihan/${m.module.id}/tugas/${m.assignment.id}/kalibrasi`;
  return redirectWithFlash(`${self}#contoh-${exampleId}`, { tone: r.withinOne ? "success" : "brand", key: r.passedAll ? "review.calib.flash.passed" : r.withinOne ? "review.calib.flash.within" : "review.calib.flash.differs" });
}

export default function CalibrationPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}`} className="no-underline hover:underline">{d.assignment.title}</Link>}
        title={t("review.calib.title")}
        description={t("review.calib.lead")}
      />
      {d.passed ? (
        <Notice tone="success">{t("review.calib.passed")} <Link to="/silang-baca">{t("review.calib.toReviews")}</Link></Notice>
      ) : (
        <Notice tone="brand">{t("review.calib.notYet")}</Notice>
      )}
      {d.examples.length === 0 ? <Notice tone="neutral">{t("review.calib.noExamples")}</Notice> : null}
      <ol className="space-y-6">
        {d.examples.map((e, i) => <Example key={e.id} example={e} n={i + 1} />)}
      </ol>
      <p className="mt-6"><ButtonLink to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}`}>{t("review.calib.back")}</ButtonLink></p>
    </>
  );
}

type ExampleData = ReturnType<typeof useLoaderData<typeof loader>>["examples"][number];

function Example({ example: e, n }: { example: ExampleData; n: number }) {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const posted = a && a.exampleId === e.id ? a : null;
  const chosen = (id: string) => posted?.levels[id] ?? (e.attempt ? String(e.attempt.levels[id] ?? "") : "");
  return (
    <li id={`contoh-${e.id}`}>
      <Card aria-labelledby={`contoh-${e.id}-title`}>
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <h2 id={`contoh-${e.id}-title`} className="text-xl font-bold">{t("review.calib.exampleN", { n, title: e.title })}</h2>
          {e.attempt ? <Badge tone={e.attempt.withinOne ? "success" : "warning"}>{t(e.attempt.withinOne ? "review.calib.within" : "review.calib.differs")}</Badge> : null}
        </div>
        {e.html ? <RichTextView html={e.html} className="mb-4 rounded-control border border-line bg-white p-4" /> : null}
        {e.imageUrl ? <img src={e.imageUrl} alt={e.title} className="mx-auto mb-4 h-auto max-h-[32rem] w-auto max-w-full rounded-control border border-line" /> : null}
        <Form method="post" className="space-y-4">
          <input type="hidden" name="exampleId" value={e.id} />
          <FormErrors errors={posted ? [posted.error] : null} />
          {d.criteria.map((c, ci) => {
            const ref = e.reference?.[c.id];
            const mine = e.attempt?.levels[c.id];
            const diff = ref && mine !== undefined ? mine - ref.level : null;
            return (
              <fieldset key={c.id} className="min-w-0 rounded-card border border-line p-3">
                <legend className="px-1 font-semibold">{ci + 1}. {c.title}</legend>
                <LevelChoices criterionId={c.id} descriptors={c.levels} checked={chosen(c.id)} />
                {ref ? (
                  <p className={`mt-2 text-sm ${diff !== null && Math.abs(diff) > 1 ? "font-semibold text-danger-700" : "text-ink"}`} data-testid="calib-diff">
                    {t("review.calib.compare", { mine: mine ?? "—", ref: ref.level, diff: diff === null ? "—" : diff > 0 ? `+${diff}` : String(diff) })}
                    {ref.note ? <span className="block font-normal text-muted">{t("review.calib.note", { note: ref.note })}</span> : null}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <Button type="submit" disabled={navigation.state === "submitting"}>{e.attempt ? t("review.calib.retry") : t("review.calib.submit")}</Button>
        </Form>
      </Card>
    </li>
  );
}
