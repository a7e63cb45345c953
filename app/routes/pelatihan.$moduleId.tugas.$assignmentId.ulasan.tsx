// The author's reviews page: the version that was reviewed with every comment in place (passages
// marked in the text, pins on the images), the median level per criterion, each review as
// "Peninjau N", the helpfulness rating (1–5) and an answer per comment (addressed + short reply).
// Until the reviews may be seen, it says why. Forms are plain POSTs with an `intent`.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { requireAssignment } from "~/.server/submission-access.server";
import { requireModule } from "~/.server/training-access.server";
import { FormErrors } from "~/components/form";
import { AnnotatedText, PinnedImage, usePeerStatusText } from "~/components/training/peer-results";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { MAX_REPLY } from "~/lib/peer-results";
import { answerComment, peerResults, rateReview } from "~/models/peer-results.server";
import { listVersions } from "~/models/submission.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.assignment.title} — Sinergi` : "Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  // The page is the author's own: anyone not enrolled in the module (another trainee, a manager
  // previewing) has no piece here and gets 404.
  const m = await requireModule(user, params.moduleId);
  if (!m.enrolment) notFound();
  const { module, assignment, scope } = await requireAssignment(user, params.moduleId, params.assignmentId);
  requirePermission(user, "submission.view", { ...scope, ownerId: user.id });
  return { user, module, assignment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, module, assignment: a } = await load(request, params);
  const res = await peerResults(db, { assignmentId: a.id, authorId: user.id });
  if (res.status.state === "off") notFound();
  const versions = res.status.submissionId ? await listVersions(db, res.status.submissionId) : [];
  const v = res.version;
  return {
    module: { id: module.id, title: module.title },
    assignment: { id: a.id, title: a.title, kind: a.kind },
    status: res.status,
    submissionId: res.status.submissionId,
    latestNumber: versions[0]?.number ?? null,
    version: v
      ? {
          number: v.number,
          images: v.files.filter((f) => f.role !== "video" && f.mime_type.startsWith("image/")).map((f) => ({ id: f.id, caption: f.caption, width: f.width, height: f.height })),
        }
      : null,
    plainText: a.kind === "release" ? res.plainText : "",
    criteria: res.criteria,
    medians: res.medians,
    reviews: res.reviews,
    comments: res.comments,
  };
}

const rateSchema = z.object({ intent: z.literal("rate"), reviewId: z.string().min(1), helpfulness: z.coerce.number() });
const answerSchema = z.object({
  intent: z.literal("answer"),
  commentId: z.string().min(1),
  addressed: z.enum(["yes", "no", ""]).optional(),
  reply: z.string().max(MAX_REPLY * 4).default(""),
});
const schema = z.discriminatedUnion("intent", [rateSchema, answerSchema]);

type Reply = { error: string; target: string; reply?: string; addressed?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, module, assignment } = await load(request, params);
  const here = `/pelatihan/${module.id}/tugas/${assignment.id}/ulasan`;
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<Reply>({ error: "error.400", target: "" }, { status: 400 });
  const v = parsed.data;
  if (v.intent === "rate") {
    const r = await rateReview(db, { authorId: user.id, reviewId: v.reviewId, helpfulness: v.helpfulness });
    if (!r.ok) return data<Reply>({ error: r.error, target: `review-${v.reviewId}` }, { status: 400 });
    return redirectWithFlash(`${here}#ulasan-${v.reviewId}`, { tone: "success", key: "review.result.rateSaved" });
  }
  const addressed = v.addressed === "yes" ? true : v.addressed === "no" ? false : null;
  const r = await answerComment(db, { authorId: user.id, commentId: v.commentId, addressed, reply: v.reply });
  if (!r.ok) return data<Reply>({ error: r.error, target: `comment-${v.commentId}`, reply: v.reply, addressed: v.addressed ?? "" }, { status: 400 });
  return redirectWithFlash(`${here}#komentar-${v.commentId}`, { tone: "success", key: "review.result.answerSaved" });
}

export default function ReviewsReceivedPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const t = useT();
  const locale = useLocale();
  const statusText = usePeerStatusText();
  const nav = useNavigation();
  const busy = nav.state === "submitting";
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}`;
  const visible = d.status.state === "visible";
  const textRanges = d.comments.filter((c) => c.start != null && c.end != null).map((c) => ({ n: c.n, start: c.start!, end: c.end! }));
  const canCompare = d.version && d.latestNumber && d.latestNumber > d.version.number && d.submissionId;
  const shownTargets = new Set(visible ? [...d.reviews.map((r) => `review-${r.id}`), ...d.comments.map((c) => `comment-${c.id}`)] : []);
  const errorFor = (target: string) => (reply && reply.target === target ? [reply.error] : null);

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-2 text-sm">
        <Link to={base}>← {t("review.result.back")}</Link>
      </p>
      <PageHeader eyebrow={t("review.result.eyebrow")} title={t("review.result.title")} description={d.assignment.title} />
      {reply && !shownTargets.has(reply.target) ? <FormErrors errors={[reply.error]} /> : null}

      {!visible || d.reviews.length === 0 ? (
        <Notice tone={d.status.state === "own_pending" ? "warning" : "brand"}>
          <span data-testid="peer-status">{statusText(d.status)}</span>
        </Notice>
      ) : null}

      {visible && d.reviews.length ? (
        <div className="space-y-6">
          <Card aria-labelledby="revise-title">
            <h2 id="revise-title" className="sr-only">{t("review.result.revise")}</h2>
            <p className="mb-3">{t("review.result.reviseHint")}</p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <ButtonLink to={`${base}#work-title`} variant="primary">{t("review.result.revise")}</ButtonLink>
              {canCompare ? (
                <ButtonLink to={`${base}/bandingkan?kiriman=${d.submissionId}&dari=${d.version!.number}&ke=${d.latestNumber}`}>
                  {t("review.result.compare", { from: d.version!.number, to: d.latestNumber! })}
                </ButtonLink>
              ) : null}
            </div>
          </Card>

          <Card aria-labelledby="medians-title">
            <h2 id="medians-title" className="mb-1 text-xl font-bold">{t("review.result.medians")}</h2>
            <p className="mb-3 text-sm text-muted">{t("review.result.mediansHint")}</p>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{t("review.result.medians")}</caption>
                <thead className="bg-surface text-sm text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2">{t("review.result.criterion")}</th>
                    <th scope="col" className="px-3 py-2">{t("review.result.median")}</th>
                    {d.reviews.map((r) => (
                      <th key={r.id} scope="col" className="hidden px-3 py-2 sm:table-cell">{t("review.result.reviewer", { n: r.label })}</th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {d.criteria.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="px-3 py-2 font-semibold">{c.title}</th>
                      <td className="px-3 py-2 text-lg font-bold text-brand-800" data-testid={`median-${c.id}`}>
                        {d.medians[c.id] != null ? formatNumber(d.medians[c.id], locale) : "—"}
                      </td>
                      {d.reviews.map((r) => (
                        <td key={r.id} className="hidden px-3 py-2 sm:table-cell">{r.levels[c.id]?.level ?? "—"}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            {d.version ? (
              <Card aria-labelledby="piece-title" className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
                <h2 id="piece-title" className="mb-3 text-xl font-bold">{t("review.result.piece", { n: d.version.number })}</h2>
                {d.assignment.kind === "release" ? <AnnotatedText text={d.plainText} ranges={textRanges} /> : null}
                {d.version.images.length ? (
                  <ul className="space-y-4">
                    {d.version.images.map((img) => (
                      <li key={img.id}>
                        <figure>
                          <PinnedImage
                            src={`/berkas/${img.id}`} alt={img.caption ?? ""} width={img.width} height={img.height}
                            pins={d.comments.filter((c) => c.anchor === "pin" && c.onShownVersion && c.fileId === img.id && c.x != null && c.y != null).map((c) => ({ n: c.n, x: c.x!, y: c.y! }))}
                          />
                          {img.caption ? <figcaption className="mt-2 text-sm whitespace-pre-line">{img.caption}</figcaption> : null}
                        </figure>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Card>
            ) : null}

            <Card aria-labelledby="comments-title" className="min-w-0">
              <h2 id="comments-title" className="mb-3 text-xl font-bold">{t("review.result.commentsInPlace")}</h2>
              {d.comments.length === 0 ? <p className="text-muted">{t("review.result.noComments")}</p> : (
                <ol className="space-y-4">
                  {d.comments.map((c) => {
                    const typed = reply?.target === `comment-${c.id}` ? reply : null;
                    const addressed = typed ? typed.addressed : c.addressed == null ? "" : c.addressed ? "yes" : "no";
                    return (
                      <li key={c.id} id={`komentar-${c.n}`} className="scroll-mt-20 rounded-control border border-line p-3 sm:p-4">
                        <span id={`komentar-${c.id}`} />
                        <div className="mb-2 flex flex-wrap items-center gap-2">
                          <a href={`#tanda-${c.n}`} className="inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-brand-700 px-1 text-sm font-bold text-white no-underline">{c.n}</a>
                          <span className="font-semibold">{t("review.result.reviewer", { n: c.reviewLabel })}</span>
                          <Badge tone="brand">{t("review.result.onCriterion", { criterion: c.criterionTitle })}</Badge>
                          {c.addressed === true ? <Badge tone="success">{t("review.result.addressedBadgeYes")}</Badge> : c.addressed === false ? <Badge tone="warning">{t("review.result.addressedBadgeNo")}</Badge> : null}
                        </div>
                        {c.quote ? <blockquote className="mb-2 border-l-4 border-accent-500 bg-accent-50 px-3 py-1 italic">{c.quote}</blockquote> : null}
                        {c.anchor === "text" && c.onShownVersion && c.start == null ? <p className="mb-2 text-sm text-muted">{t("review.result.passageMissing")}</p> : null}
                        <p className="mb-3 whitespace-pre-line">{c.body}</p>
                        <Form method="post" replace preventScrollReset className="space-y-3 border-t border-line pt-3">
                          <input type="hidden" name="intent" value="answer" />
                          <input type="hidden" name="commentId" value={c.id} />
                          <FormErrors errors={errorFor(`comment-${c.id}`)} id={`answer-error-${c.id}`} />
                          <fieldset>
                            <legend className="mb-1 font-semibold">{t("review.result.addressedLegend")}</legend>
                            <div className="flex flex-wrap gap-2">
                              {(["yes", "no"] as const).map((val) => (
                                <label key={val} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-control border border-line px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                                  <input type="radio" name="addressed" value={val} defaultChecked={addressed === val} className="h-5 w-5" />
                                  {t(val === "yes" ? "review.result.addressedYes" : "review.result.addressedNo")}
                                </label>
                              ))}
                            </div>
                          </fieldset>
                          <div>
                            <label htmlFor={`reply-${c.id}`} className="mb-1 block font-semibold">
                              {t("review.result.reply")} <span className="text-sm font-normal text-muted">({t("form.optional")})</span>
                            </label>
                            <textarea
                              id={`reply-${c.id}`} name="reply" rows={2} maxLength={MAX_REPLY} defaultValue={typed ? typed.reply : (c.reply ?? "")}
                              aria-describedby={`reply-hint-${c.id}`}
                              className="block w-full rounded-control border border-line bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500"
                            />
                            <p id={`reply-hint-${c.id}`} className="mt-1 text-sm text-muted">{t("review.result.replyHint")}</p>
                          </div>
                          <Button variant="secondary" disabled={busy}>{t("review.result.answerSave")}</Button>
                        </Form>
                      </li>
                    );
                  })}
                </ol>
              )}
            </Card>
          </div>

          <section aria-labelledby="reviews-title" className="space-y-4">
            <h2 id="reviews-title" className="text-xl font-bold">{t("review.result.feedback")}</h2>
            {d.reviews.map((r) => (
              <Card key={r.id} aria-labelledby={`ulasan-${r.id}-title`}>
                <span id={`ulasan-${r.id}`} />
                <h3 id={`ulasan-${r.id}-title`} className="mb-2 text-lg font-bold">
                  {t("review.result.reviewer", { n: r.label })}
                  {r.reviewerName ? <span className="ml-2 font-normal text-muted">({r.reviewerName})</span> : null}
                </h3>
                {r.feedback ? <p className="mb-3 whitespace-pre-line">{r.feedback}</p> : <p className="mb-3 text-muted">{t("review.result.noFeedback")}</p>}
                <h4 className="mb-1 font-semibold">{t("review.result.levels")}</h4>
                <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  {d.criteria.filter((c) => r.levels[c.id]).map((c) => (
                    <div key={c.id} className="border-b border-line pb-1">
                      <dt className="inline font-medium">{c.title}: </dt>
                      <dd className="inline">{r.levels[c.id].level != null ? t("review.result.levelOf", { level: r.levels[c.id].level! }) : "—"}</dd>
                      {r.levels[c.id].comment ? <dd className="whitespace-pre-line text-muted">{r.levels[c.id].comment}</dd> : null}
                    </div>
                  ))}
                </dl>
                <Form method="post" replace preventScrollReset className="border-t border-line pt-3">
                  <input type="hidden" name="intent" value="rate" />
                  <input type="hidden" name="reviewId" value={r.id} />
                  <FormErrors errors={errorFor(`review-${r.id}`)} id={`rate-error-${r.id}`} />
                  <fieldset>
                    <legend className="mb-2 font-semibold">{t("review.result.rateLegend")}</legend>
                    <div className="grid grid-cols-5 gap-1.5 sm:flex sm:flex-wrap sm:gap-2">
                      {[1, 2, 3, 4, 5].map((n) => (
                        <label key={n} className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1.5 rounded-control border border-line px-1 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 sm:px-3">
                          <input type="radio" name="helpfulness" value={n} defaultChecked={r.helpfulness === n} required className="h-5 w-5" />
                          {n}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  {r.helpfulness ? <p className="mt-2 text-sm text-muted" data-testid={`rated-${r.label}`}>{t("review.result.rated", { n: r.helpfulness })}</p> : null}
                  <Button className="mt-3" variant="secondary" disabled={busy}>{t("review.result.rateSave")}</Button>
                </Form>
              </Card>
            ))}
          </section>
        </div>
      ) : null}
    </div>
  );
}
