// The trainee's assignment page: instructions, rubric, dates in the viewer's zone, the work form for
// the assignment's kind (release editor, image uploads, video), every submitted version, and the
// fasilitator's result once graded or returned. Module managers who are not enrolled see it
// read-only, with a link to the grading queue.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { parseRichText, renderRichText } from "~/.server/rich-text.server";
import { acceptUpload, discardDraftFile, requireAssignment, type UploadResult } from "~/.server/submission-access.server";
import { cleanVideoLink, MAX_VIDEO_BYTES } from "~/.server/submission-files.server";
import { parseMultipart } from "~/.server/upload.server";
import { FormErrors } from "~/components/form";
import { RichTextView } from "~/components/rich-text/view";
import { RubricTable } from "~/components/training/rubric-table";
import { ReleaseEditor } from "~/components/training/submission-release-editor";
import { UploadSlot, type SlotFile } from "~/components/training/submission-uploads";
import { SubmissionView } from "~/components/training/submission-view";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatNumber, formatTime, zoneAbbr } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { submitWindow } from "~/lib/deadlines";
import { IMAGE_ACCEPT, MAX_CAPTION, VIDEO_ACCEPT } from "~/lib/submission";
import { checkCompletion } from "~/models/completion.server";
import { listCriteria } from "~/models/rubric.server";
import {
  deadlineFor, draftFiles, findSubmission, getVersion, listVersions, saveCaptions, saveDraft,
  submitWork, versionView,
} from "~/models/submission.server";
import { latestGrade } from "~/models/grading.server";
import { resultsStatus } from "~/models/peer-results.server";
import { PeerResultsCard } from "~/components/training/peer-results";
import { allocateAfterSubmit } from "~/models/peer-jobs.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.assignment.title} — Sinergi` : "Sinergi" }];

const FILE_FIELDS = ["main", "supporting-1", "supporting-2", "supporting-3", "video"];
const schema = z.object({
  intent: z.string().default("save"),
  body: z.string().optional(),
  revision: z.coerce.number().int().min(0).optional(),
  link: z.string().max(2000).optional(),
  "caption-0": z.string().max(MAX_CAPTION * 2).optional(),
  "caption-1": z.string().max(MAX_CAPTION * 2).optional(),
  "caption-2": z.string().max(MAX_CAPTION * 2).optional(),
  "caption-3": z.string().max(MAX_CAPTION * 2).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module, assignment: a, learner, manage } = await requireAssignment(user, params.moduleId, params.assignmentId);
  const deadline = await deadlineFor(db, a, user.id);
  const now = new Date();
  const criteria = a.rubric_id ? await listCriteria(db, a.rubric_id) : [];
  const base = {
    module: { id: module.id, title: module.title },
    assignment: { id: a.id, title: a.title, kind: a.kind, timeZone: a.time_zone },
    instructionsHtml: renderRichText(a.instructions_json),
    criteria,
    deadline,
    window: submitWindow(deadline, now),
    manage,
  };
  if (!learner) return { ...base, learner: null };

  const sub = await findSubmission(db, a.id, user.id);
  const versions = sub ? await listVersions(db, sub.id) : [];
  const wanted = Number(new URL(request.url).searchParams.get("versi"));
  const shown = sub && versions.length ? await getVersion(db, sub.id, Number.isInteger(wanted) && wanted > 0 ? wanted : null) : undefined;
  const grade = sub && sub.status !== "draft" ? await latestGrade(db, sub.id) : null;
  const files = sub ? await draftFiles(db, sub.id) : [];
  const peer = await resultsStatus(db, a.id, user.id);
  return {
    ...base,
    learner: {
      status: sub?.status ?? "draft",
      draftJson: sub?.draft_json ?? null,
      draftLink: sub?.draft_link ?? null,
      revision: sub?.draft_revision ?? 0,
      savedAt: sub?.draft_saved_at ?? null,
      storageKey: `sinergi.draft.${user.id}.${a.id}`,
      peer: peer.state === "off" ? null : { state: peer.state, owed: peer.owed, done: peer.done, received: peer.received, expected: peer.expected, reviewsDueAt: peer.reviewsDueAt },
      versions,
      shown: shown ? versionView(shown) : null,
      grade: grade && (sub?.status === "graded" || sub?.status === "returned") ? grade : null,
      files: files.map((f) => ({
        id: f.id, role: f.role, position: f.position, caption: f.caption, mime: f.mime_type,
        url: `/berkas/${f.id}`, thumbUrl: f.thumb_path ? `/berkas/${f.id}/thumb` : null,
      })),
    },
  };
}

type ActionReply = { formError?: string; fileErrors?: Record<string, string>; captions?: Record<string, string>; link?: string; body?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { module, assignment: a, learner } = await requireAssignment(user, params.moduleId, params.assignmentId);
  if (!learner) throw new Response("error.403", { status: 403 });
  const here = `/pelatihan/${module.id}/tugas/${a.id}`;

  // Files are stored into the draft as they arrive; the text fields come with them.
  const uploads = new Map<string, UploadResult>();
  const formData = await parseMultipart(request, {
    fileFields: a.kind === "release" ? [] : FILE_FIELDS,
    maxFileBytes: MAX_VIDEO_BYTES,
    textBytes: 512 * 1024,
    onFile: async (part) => {
      const r = await part.read();
      uploads.set(part.field, r.ok
        ? await acceptUpload(a, learner, part.field, new Uint8Array(await r.file.arrayBuffer()))
        : { ok: false, error: part.field === "video" ? "upload.videoTooLarge" : "upload.fileTooLarge" });
    },
  });
  const parsed = schema.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return data<ActionReply>({ formError: "error.400" }, { status: 400 });
  const v = parsed.data;

  if (v.intent.startsWith("remove:")) {
    await discardDraftFile(a, learner, v.intent.slice("remove:".length));
    return redirectWithFlash(here, { tone: "success", key: "upload.removed" });
  }

  if (a.kind === "release") {
    const raw = v.body ?? "";
    const body = parseRichText(raw);
    if (!body.ok) return data<ActionReply>({ formError: body.error, body: raw }, { status: 400 });
    if (v.intent === "submit") return submitAndReply(a, learner, here, { json: body.json }, { body: raw });
    const r = await saveDraft(db, a, learner, { json: body.json, baseRevision: v.revision ?? null });
    if (!r.ok) return data<ActionReply>({ formError: r.error, body: raw }, { status: 409 });
    return redirectWithFlash(here, { tone: "success", key: "submission.draftSaved" });
  }

  // Images and video: captions by slot position, the video link, then any refused file.
  const captions: Record<string, string> = {};
  const byPosition = new Map<number, string>();
  for (const p of [0, 1, 2, 3]) {
    const c = v[`caption-${p}` as "caption-0"];
    if (c !== undefined) {
      captions[p] = c;
      byPosition.set(p, c);
    }
  }
  await saveCaptions(db, a, learner, byPosition);
  const reply: ActionReply = { captions, link: v.link };
  const fileErrors: Record<string, string> = {};
  for (const [field, r] of uploads) if (!r.ok) fileErrors[field] = r.error;
  if (a.kind === "video" && v.link !== undefined && !uploads.get("video")?.ok) {
    const link = v.link.trim() === "" ? null : cleanVideoLink(v.link);
    if (v.link.trim() !== "" && !link) fileErrors.link = "upload.badLink";
    else await saveDraft(db, a, learner, { link, baseRevision: null });
  }
  if (Object.keys(fileErrors).length) return data<ActionReply>({ ...reply, fileErrors }, { status: 400 });
  if (v.intent === "submit") return submitAndReply(a, learner, here, {}, reply);
  return redirectWithFlash(here, { tone: "success", key: uploads.size ? "upload.saved" : "submission.draftSaved" });
}

async function submitAndReply(
  a: Parameters<typeof submitWork>[1], learner: Parameters<typeof submitWork>[2], here: string, input: { json?: string }, reply: ActionReply,
) {
  const r = await submitWork(db, a, learner, input);
  if (!r.ok) return data<ActionReply>({ ...reply, formError: r.error }, { status: 400 });
  await checkCompletion(db, a.module_id, learner.id);
  await allocateAfterSubmit(db, a.id); // peer review: the new piece (and its author as reviewer) joins the pool
  return redirectWithFlash(`${here}?versi=${r.versionNumber}`, {
    tone: "success", key: r.late ? "submission.sentLate" : "submission.sent", params: { n: r.versionNumber },
  });
}

const STATUS_TONE = { draft: "neutral", submitted: "brand", returned: "warning", graded: "success" } as const;

export default function AssignmentPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}`;
  const { deadline } = d;
  const L = d.learner;
  const dueOwnZone = zoneAbbr(d.assignment.timeZone, new Date(deadline.dueAt)) !== zoneAbbr(tz, new Date(deadline.dueAt));
  const canSend = L && (d.window === "open" || d.window === "late") && L.status !== "graded";
  const fileOf = (role: string, position: number): SlotFile | null => {
    const f = L?.files.find((x) => x.role === role && x.position === position);
    return f ? { id: f.id, url: f.url, thumbUrl: f.thumbUrl, mime: f.mime } : null;
  };
  const captionOf = (position: number) => reply?.captions?.[position] ?? L?.files.find((x) => x.position === position && x.role !== "video")?.caption ?? "";
  const windowText =
    d.window === "notOpen" ? t("submission.window.notOpen", { at: formatDateTime(deadline.opensAt, tz, locale) })
    : d.window === "open" ? t("submission.window.open")
    : d.window === "late" ? t("submission.window.late", { until: formatDateTime(deadline.lateUntil, tz, locale) })
    : t("submission.window.closed", { until: formatDateTime(deadline.lateUntil, tz, locale) });

  const captionField = (position: number, required: boolean) => (
    <div>
      <label htmlFor={`caption-${position}`} className="mb-1 block font-semibold text-ink">
        {t("upload.caption")}
        {!required ? <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span> : null}
      </label>
      <textarea
        id={`caption-${position}`}
        name={`caption-${position}`}
        rows={3}
        maxLength={MAX_CAPTION}
        defaultValue={captionOf(position)}
        aria-describedby={position === 0 ? "caption-hint" : undefined}
        className="block w-full rounded-control border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-brand-500"
      />
      {position === 0 ? <p id="caption-hint" className="mt-1 text-sm text-muted">{t("upload.captionHint")}</p> : null}
    </div>
  );

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-2 text-sm">
        <Link to={`/pelatihan/${d.module.id}`}>← {d.module.title}</Link>
      </p>
      <PageHeader
        eyebrow={t(`submission.kind.${d.assignment.kind}`)}
        title={d.assignment.title}
        actions={d.manage ? <ButtonLink to={`${base}/penilaian`}>{t("submission.gradingQueue")}</ButtonLink> : null}
      />

      {!L ? <Notice tone="brand">{t("submission.managerView")}</Notice> : null}

      <div className="mb-6 grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <Card aria-labelledby="dates-title">
          <h2 id="dates-title" className="mb-2 text-lg font-bold">{t("submission.dates")}</h2>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-muted">{t("submission.opensAt")}</dt>
              <dd className="font-medium">{formatDateTime(deadline.opensAt, tz, locale)}</dd>
            </div>
            <div>
              <dt className="text-muted">{t("submission.dueAt")}</dt>
              <dd className="font-semibold text-ink" data-testid="due">{formatDateTime(deadline.dueAt, tz, locale)}</dd>
            </div>
            <div>
              <dt className="text-muted">{t("submission.lateUntil")}</dt>
              <dd className="font-medium">{formatDateTime(deadline.lateUntil, tz, locale)}</dd>
            </div>
          </dl>
          {deadline.extended ? <p className="mt-2 text-sm font-semibold text-brand-800">{t("submission.extended")}</p> : null}
          {dueOwnZone ? <p className="mt-2 text-sm text-muted">{t("submission.zoneNote", { time: formatTime(deadline.dueAt, d.assignment.timeZone, locale) })}</p> : null}
        </Card>
        <Card aria-labelledby="instructions-title">
          <h2 id="instructions-title" className="mb-2 text-lg font-bold">{t("submission.instructions")}</h2>
          {d.instructionsHtml ? <RichTextView html={d.instructionsHtml} /> : <p className="text-muted">{t("submission.noInstructions")}</p>}
        </Card>
      </div>
      <div className="space-y-6">
        <div className="min-w-0 space-y-6">
          {L?.grade ? (
            <Card aria-labelledby="result-title" className={L.grade.decision === "returned" ? "border-warning-700/40" : "border-success-700/40"}>
              <h2 id="result-title" className="mb-2 text-xl font-bold">{t("submission.result")}</h2>
              <Notice tone={L.grade.decision === "returned" ? "warning" : "success"}>
                {L.grade.decision === "returned" ? t("submission.returnedNotice", { n: L.grade.versionNumber }) : t("submission.gradedNotice")}
              </Notice>
              {L.grade.score !== null ? (
                <p className="mb-2 text-lg">
                  <span className="font-semibold">{t("submission.score")}: </span>
                  <span className="text-2xl font-bold text-brand-800" data-testid="score">{t("submission.scoreValue", { score: formatNumber(L.grade.score, locale) })}</span>
                </p>
              ) : null}
              <p className="mb-3 text-sm text-muted">{t("submission.gradedVersion", { n: L.grade.versionNumber, at: formatDateTime(L.grade.createdAt, tz, locale) })}</p>
              {L.grade.feedback ? (
                <div className="mb-4">
                  <h3 className="font-semibold">{t("submission.feedback")}</h3>
                  <p className="whitespace-pre-line">{L.grade.feedback}</p>
                </div>
              ) : null}
              {L.grade.criteria.length ? (
                <RubricTable
                  criteria={d.criteria.filter((c) => L.grade!.criteria.some((g) => g.criterionId === c.id))}
                  selected={Object.fromEntries(L.grade.criteria.map((c) => [c.criterionId, c.level]))}
                  comments={Object.fromEntries(L.grade.criteria.filter((c) => c.comment).map((c) => [c.criterionId, c.comment!]))}
                  caption={t("submission.result")}
                />
              ) : null}
            </Card>
          ) : null}

          {L?.peer ? <PeerResultsCard status={L.peer} href={`${base}/ulasan`} /> : null}

          {L ? (
            <Card aria-labelledby="work-title">
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h2 id="work-title" className="text-xl font-bold">{t("submission.yourWork")}</h2>
                <Badge tone={STATUS_TONE[L.status as keyof typeof STATUS_TONE] ?? "neutral"}>{t(`submission.status.${L.status}`)}</Badge>
              </div>
              <Notice tone={d.window === "closed" ? "danger" : d.window === "late" ? "warning" : "brand"} role="status">{windowText}</Notice>
              <Form method="post" encType={d.assignment.kind === "release" ? undefined : "multipart/form-data"} replace>
                {/* Enter in a field saves the draft, never removes a file */}
                <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden />
                <FormErrors errors={reply?.formError ? [reply.formError] : null} />
                {d.assignment.kind === "release" ? (
                  <ReleaseEditor
                    draftJson={L.draftJson}
                    revision={L.revision}
                    savedAt={L.savedAt}
                    draftUrl={`${base}/draf`}
                    storageKey={L.storageKey}
                    typed={reply?.body ?? null}
                  />
                ) : null}
                {d.assignment.kind === "infographic" ? (
                  <UploadSlot
                    slot="main" label={t("upload.infographic")} hint={t("upload.imageHint")} accept={IMAGE_ACCEPT} uploadUrl={`${base}/unggah`}
                    current={fileOf("main", 0)} error={reply?.fileErrors?.main} removeLabel={t("upload.remove")}
                  />
                ) : null}
                {d.assignment.kind === "photo" ? (
                  <div className="space-y-4">
                    <UploadSlot
                      slot="main" label={t("upload.mainPhoto")} hint={t("upload.imageHint")} accept={IMAGE_ACCEPT} uploadUrl={`${base}/unggah`}
                      current={fileOf("main", 0)} error={reply?.fileErrors?.main} removeLabel={t("upload.remove")} caption={captionField(0, true)}
                    />
                    {[1, 2, 3].map((n) => (
                      <UploadSlot
                        key={n} slot={`supporting-${n}`} label={t("upload.supportingN", { n })} hint="" accept={IMAGE_ACCEPT}
                        uploadUrl={`${base}/unggah`} current={fileOf("supporting", n)} error={reply?.fileErrors?.[`supporting-${n}`]}
                        removeLabel={t("upload.remove")} caption={captionField(n, false)}
                      />
                    ))}
                  </div>
                ) : null}
                {d.assignment.kind === "video" ? (
                  <div className="space-y-4">
                    <UploadSlot
                      slot="video" label={t("upload.videoFile")} hint={t("upload.videoHint")} accept={VIDEO_ACCEPT} uploadUrl={`${base}/unggah`}
                      current={fileOf("video", 0)} error={reply?.fileErrors?.video} removeLabel={t("upload.remove")}
                    />
                    <div>
                      <label htmlFor="video-link" className="mb-1 block font-semibold">{t("upload.videoLink")}</label>
                      <p id="video-link-hint" className="mb-1 text-sm text-muted">{t("upload.videoLinkHint")}</p>
                      <input
                        id="video-link" name="link" type="url" inputMode="url" defaultValue={reply?.link ?? L.draftLink ?? ""}
                        aria-describedby="video-link-hint" aria-invalid={reply?.fileErrors?.link ? true : undefined}
                        className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500 aria-[invalid=true]:border-danger-600"
                      />
                      {reply?.fileErrors?.link ? <p className="mt-1 text-sm font-medium text-danger-700">{t(reply.fileErrors.link)}</p> : null}
                    </div>
                  </div>
                ) : null}
                {d.window === "late" && canSend ? <p className="mt-3 text-sm font-semibold text-warning-700">{t("submission.submitLateNote")}</p> : null}
                <div className="mt-4 flex flex-col gap-2 sm:flex-row">
                  <Button name="intent" value="submit" disabled={!canSend || busy} className="sm:min-w-40">
                    {busy && navigation.formData?.get("intent") === "submit" ? t("submission.submitting") : L.versions.length ? t("submission.resubmit") : t("submission.submit")}
                  </Button>
                  <Button name="intent" value="save" variant="secondary" disabled={busy}>{t("submission.saveDraft")}</Button>
                </div>
              </Form>
            </Card>
          ) : null}

          {L ? (
            <Card aria-labelledby="versions-title">
              <h2 id="versions-title" className="mb-3 text-xl font-bold">{t("submission.versions")}</h2>
              {L.versions.length === 0 ? (
                <p className="text-muted">{t("submission.versionsEmpty")}</p>
              ) : (
                <>
                  <ul className="mb-4 divide-y divide-line rounded-control border border-line">
                    {L.versions.map((v) => {
                      const current = L.shown?.number === v.number;
                      return (
                        <li key={v.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                          {current ? (
                            <span className="font-semibold" aria-current="true">{t("submission.versionN", { n: v.number })}</span>
                          ) : (
                            <Link to={`?versi=${v.number}`} preventScrollReset aria-label={t("submission.viewVersion", { n: v.number })} className="font-semibold">
                              {t("submission.versionN", { n: v.number })}
                            </Link>
                          )}
                          {v.number === L.versions[0].number ? <Badge>{t("submission.latest")}</Badge> : null}
                          {v.late ? <Badge tone="warning">{t("submission.late")}</Badge> : null}
                          {current ? <Badge tone="brand">{t("submission.viewing")}</Badge> : null}
                          <span className="w-full text-sm text-muted sm:ml-auto sm:w-auto">{formatDateTime(v.submitted_at, tz, locale)}</span>
                        </li>
                      );
                    })}
                  </ul>
                  {L.shown ? <SubmissionView version={L.shown} kind={d.assignment.kind} /> : null}
                </>
              )}
            </Card>
          ) : null}
        </div>

      </div>

      {d.criteria.length ? (
        <section aria-labelledby="rubric-title" className="mt-6">
          <h2 id="rubric-title" className="mb-3 text-xl font-bold">{t("submission.rubric")}</h2>
          <RubricTable criteria={d.criteria} />
        </section>
      ) : null}
    </div>
  );
}
