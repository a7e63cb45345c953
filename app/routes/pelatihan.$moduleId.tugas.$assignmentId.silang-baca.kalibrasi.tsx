// Calibration examples of an assignment, for its fasilitators: one to three example pieces (a text
// in the editor and/or an image) with a reference level 1..4 per rubric criterion and a short note.
// Trainees score them on their own page (the reviewing side) before they may review peers.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { parseRichText, renderRichText } from "~/.server/rich-text.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { parseUploadForm, storeImage } from "~/.server/upload.server";
import { Field, FormErrors, SelectField } from "~/components/form";
import { RichTextEditor } from "~/components/rich-text/editor";
import { RichTextView } from "~/components/rich-text/view";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { richTextInput } from "~/lib/rich-text";
import { requiredText, optionalText } from "~/lib/validation";
import { addCalibrationExample, deleteCalibrationExample, listCalibrationExamples, MAX_EXAMPLES } from "~/models/peer-calibration-admin.server";
import { listCriteria } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Contoh kalibrasi — Sinergi" }];

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const levelField = () =>
  z.number({ required_error: "review.calib.admin.levelRequired", invalid_type_error: "review.calib.admin.levelRequired" })
    .int("review.calib.admin.levelRequired").min(1, "review.calib.admin.levelRequired").max(4, "review.calib.admin.levelRequired");

/** The form's schema for a rubric: title, body, and level_<id> (1..4) + note_<id> per criterion. */
function exampleSchema(criterionIds: string[]) {
  const shape: Record<string, z.ZodTypeAny> = { title: requiredText(200), body: richTextInput() };
  for (const id of criterionIds) {
    shape[`level_${id}`] = levelField();
    shape[`note_${id}`] = optionalText(500);
  }
  return z.object(shape);
}

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  return { user, m, a };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a } = await load(request, params);
  const [criteria, examples] = await Promise.all([a.rubric_id ? listCriteria(db, a.rubric_id) : [], listCalibrationExamples(db, a.id)]);
  const base = `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca`;
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, levels: c.levels })),
    examples: examples.map((e) => ({ ...e, html: renderRichText(e.bodyJson), imageUrl: e.imagePath ? `${base}/kalibrasi/${e.id}/gambar` : null })),
    max: MAX_EXAMPLES,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a } = await load(request, params);
  const back = `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca/kalibrasi`;
  const actor = { id: user.id, ip: context.ip ?? null };
  const { formData, files } = await parseUploadForm(request, { fileFields: ["image"], maxFileBytes: MAX_IMAGE_BYTES });
  if (formData.get("_action") === "delete") {
    const ok = await deleteCalibrationExample(db, actor, a.id, String(formData.get("exampleId") ?? ""));
    if (!ok) notFound();
    return redirectWithFlash(back, { tone: "success", key: "review.calib.admin.flash.deleted" });
  }
  const criteria = a.rubric_id ? await listCriteria(db, a.rubric_id) : [];
  const submission = parseWithZod(formData, { schema: exampleSchema(criteria.map((c) => c.id)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value as Record<string, string | number | undefined>;
  const body = parseRichText(String(v.body ?? ""));
  if (!body.ok) return data(submission.reply({ fieldErrors: { body: [body.error] } }), { status: 400 });
  const part = files.get("image");
  if (part && !part.ok) return data(submission.reply({ fieldErrors: { image: ["review.calib.admin.tooLarge"] } }), { status: 400 });
  if (body.empty && !part) return data(submission.reply({ formErrors: ["review.calib.admin.empty"] }), { status: 400 });
  let imagePath: string | null = null;
  if (part?.ok) {
    const img = await storeImage(part.file, { folder: "calibration", maxWidth: 1600, maxHeight: 1600 });
    if (!img.ok) return data(submission.reply({ fieldErrors: { image: ["upload.notImage"] } }), { status: 400 });
    imagePath = img.path;
  }
  const r = await addCalibrationExample(db, actor, a, {
    title: String(v.title), bodyJson: body.empty ? null : body.json, imagePath,
    levels: Object.fromEntries(criteria.map((c) => [c.id, Number(v[`level_${c.id}`])])),
    notes: Object.fromEntries(criteria.map((c) => [c.id, v[`note_${c.id}`] as string | undefined])),
  });
  if (!r.ok) return data(submission.reply({ formErrors: [r.error] }), { status: 400 });
  return redirectWithFlash(back, { tone: "success", key: "review.calib.admin.flash.added" });
}

export default function CalibrationExamples() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <p className="mb-2"><Link to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}/silang-baca/pengaturan`}>{t("review.calib.admin.back")}</Link></p>
      <h2 className="mb-1 text-xl font-bold">{t("review.calib.admin.title")}</h2>
      <p className="mb-4 max-w-prose text-muted">{t("review.calib.admin.description")}</p>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="calib-list" className="min-w-0">
          <h3 id="calib-list" className="mb-2 text-lg font-bold">{t("review.calib.admin.list", { count: d.examples.length, max: d.max })}</h3>
          {d.examples.length === 0 ? <EmptyState>{t("review.calib.admin.none")}</EmptyState> : (
            <ol className="space-y-4">
              {d.examples.map((e) => (
                <li key={e.id}>
                  <Card>
                    <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
                      <h4 className="font-bold">{e.position}. {e.title}</h4>
                      <Form method="post" encType="multipart/form-data">
                        <input type="hidden" name="_action" value="delete" />
                        <input type="hidden" name="exampleId" value={e.id} />
                        <Button variant="ghost" className="text-danger-700" disabled={navigation.state === "submitting"} aria-label={t("review.calib.admin.deleteLabel", { title: e.title })}>
                          {t("review.calib.admin.delete")}
                        </Button>
                      </Form>
                    </div>
                    {e.imageUrl ? <img src={e.imageUrl} alt={t("review.calib.admin.imageAlt", { title: e.title })} className="mb-3 max-h-80 rounded-control border border-line" /> : null}
                    {e.html ? <div className="mb-3 max-h-64 overflow-y-auto rounded-control border border-line p-3"><RichTextView html={e.html} /></div> : null}
                    <h5 className="mb-1 font-semibold">{t("review.calib.admin.references")}</h5>
                    <ul className="space-y-1 text-sm">
                      {d.criteria.map((c) => {
                        const ref = e.references[c.id];
                        return (
                          <li key={c.id}>
                            <span className="font-semibold">{c.title}:</span> {ref ? t("review.calib.admin.level", { level: ref.level }) : "—"}
                            {ref?.note ? <span className="text-muted"> — {ref.note}</span> : null}
                          </li>
                        );
                      })}
                    </ul>
                    <p className="mt-2 text-sm text-muted">{t("review.calib.admin.attempts", { count: e.attempts })}</p>
                  </Card>
                </li>
              ))}
            </ol>
          )}
        </section>
        <Card aria-labelledby="calib-form">
          <h3 id="calib-form" className="mb-3 text-lg font-bold">{t("review.calib.admin.add")}</h3>
          {d.criteria.length === 0 ? <Notice tone="warning">{t("review.calib.admin.noRubric")}</Notice>
            : d.examples.length >= d.max ? <EmptyState>{t("review.calib.admin.full", { max: d.max })}</EmptyState>
            : <ExampleForm />}
        </Card>
      </div>
    </div>
  );
}

function ExampleForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: exampleSchema(d.criteria.map((c) => c.id)) }),
  });
  const all = fields as unknown as Record<string, Parameters<typeof Field>[0]["field"]>;
  const imageErrors = lastResult?.error?.image ?? null;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("review.calib.admin.field.title")} field={all.title} />
      <RichTextEditor
        key={all.body.key}
        name={all.body.name}
        id={all.body.id}
        label={t("review.calib.admin.field.body")}
        hint={t("review.calib.admin.field.bodyHint")}
        optional
        defaultValue={(all.body.initialValue as string | undefined) ?? ""}
        errors={all.body.errors}
        errorId={all.body.errorId}
      />
      <div className="mb-4">
        <label htmlFor="calib-image" className="mb-1 block font-semibold">{t("review.calib.admin.field.image")} <span className="font-normal text-muted">({t("form.optional")})</span></label>
        <input id="calib-image" name="image" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="calib-image-hint" className="block min-h-11 w-full" />
        <p id="calib-image-hint" className="mt-1 text-sm text-muted">{t("review.calib.admin.field.imageHint")}</p>
        {imageErrors ? <p className="mt-1 text-sm text-danger-700" role="alert">{imageErrors.map((k) => t(k as never)).join(" ")}</p> : null}
      </div>
      <fieldset className="mb-4 min-w-0">
        <legend className="mb-2 font-semibold">{t("review.calib.admin.field.references")}</legend>
        <p className="mb-2 text-sm text-muted">{t("review.calib.admin.field.referencesHint")}</p>
        {d.criteria.map((c) => (
          <div key={c.id} className="mb-3 rounded-control border border-line p-3">
            <SelectField
              label={c.title}
              field={all[`level_${c.id}`]}
              placeholder={t("review.calib.admin.field.levelPlaceholder")}
              options={c.levels.map((desc, i) => ({ value: String(i + 1), label: `${i + 1} — ${desc}` }))}
            />
            <Field label={<span className="text-sm font-normal text-muted">{t("review.calib.admin.field.note")}</span>} field={all[`note_${c.id}`]} optional />
          </div>
        ))}
      </fieldset>
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>{t("review.calib.admin.submit")}</Button>
    </Form>
  );
}
