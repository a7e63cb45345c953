import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { parseRichText } from "~/.server/rich-text.server";
import { requireModule } from "~/.server/training-access.server";
import { AssignmentForm } from "~/components/training/assessment-assignment-form";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { ASSIGNMENT_ZONES, assignmentInstants, assignmentSchema, suggestedDates } from "~/lib/assignment";
import { createAssignment, nextPosition } from "~/models/assignment.server";
import { listLibraryRubrics } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Tugas baru — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const [position, library] = await Promise.all([nextPosition(db, m.module.id), listLibraryRubrics(db)]);
  // Pontianak is WIB too: the form offers one zone per offset.
  const zone = (ASSIGNMENT_ZONES as readonly string[]).includes(user.timeZone) ? user.timeZone : "Asia/Jakarta";
  return {
    module: { id: m.module.id, title: m.module.title },
    library: library.map((r) => ({ id: r.id, title: r.title, workKind: r.workKind })),
    defaults: { kind: "release", timeZone: zone, position: String(position), ...suggestedDates(new Date(), zone), libraryRubricId: library.find((r) => r.workKind === "release")?.id ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const submission = parseWithZod(await request.formData(), { schema: assignmentSchema });
  const instructions = submission.status === "success" ? parseRichText(submission.value.instructions) : null;
  if (submission.status !== "success" || (instructions && !instructions.ok)) {
    return data(submission.reply({ fieldErrors: instructions && !instructions.ok ? { instructions: [instructions.error] } : {} }), { status: 400 });
  }
  const v = submission.value;
  const r = await createAssignment(
    db,
    m.module.id,
    {
      kind: v.kind, title: v.title, instructionsJson: instructions?.ok && !instructions.empty ? instructions.json : null,
      ...assignmentInstants(v), timeZone: v.timeZone, position: v.position, libraryRubricId: v.libraryRubricId || null,
    },
    user.id,
  );
  if (!r.ok) return data(submission.reply(r.field ? { fieldErrors: { [r.field]: [r.error] } } : { formErrors: [r.error] }), { status: 400 });
  // Without a library rubric the next stop is writing one.
  const to = `/pelatihan/${m.module.id}/tugas/${r.id}/ubah${v.libraryRubricId ? "" : "#rubrik"}`;
  return redirectWithFlash(to, { tone: "success", key: "assignment.flash.created" });
}

export default function NewAssignment() {
  const { module, library, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={module.title} title={t("assignment.new.title")} description={t("assignment.new.description")} />
      <Card>
        <AssignmentForm
          lastResult={lastResult}
          defaultValue={defaults}
          libraryRubrics={library}
          cancelTo={`/pelatihan/${module.id}`}
          submitLabel={t("assignment.new.submit")}
        />
      </Card>
    </div>
  );
}
