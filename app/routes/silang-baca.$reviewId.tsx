// One peer review, for its reviewer: the piece (never who wrote it), the rubric with a level and a
// comment per criterion, overall feedback, comments anchored to a passage or a pin on an image.
// Works without JavaScript (plain POST: save, submit, a comment with its "kutipan"); with it the
// draft saves itself every few seconds and selecting a passage fills the comment form.
// A review taken back answers "Ulasan ini sudah dialihkan" and never shows the piece.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { can, notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { FormErrors } from "~/components/form";
import { RubricTable } from "~/components/training/rubric-table";
import { SubmissionView } from "~/components/training/submission-view";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { deleteCommentSchema, locateQuote, pinCommentSchema, reviewSchema, textCommentSchema } from "~/lib/peer-review";
import { weightedScore } from "~/lib/rubric";
import { LevelChoices } from "~/components/training/level-choices";
import {
  addPinComment, addTextComment, deleteComment, openReview, reviewForManager, saveReviewDraft, submitReview, type OpenReview, type ReviewError,
} from "~/models/peer-review.server";
import { versionView } from "~/models/submission.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("review.do.title")} — Sinergi` }];
};

/** Only the work itself: no name, agency, e-mail or file name of the author. */
const shape = (d: OpenReview) => ({
  id: d.review.id,
  status: d.review.status,
  feedback: d.review.feedback,
  draftSavedAt: d.review.draft_saved_at,
  submittedAt: d.review.submitted_at,
  score: d.review.score,
  assignmentTitle: d.assignment.title,
  kind: d.assignment.kind,
  criteria: d.criteria,
  version: versionView(d.version),
  plain: d.plain,
  levels: d.levels,
  comments: d.comments,
  anchored: d.anchored,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const r = await openReview(db, params.reviewId ?? "", user.id);
  if (!r.ok) {
    if (r.error === "review.do.takenBack") return data({ takenBack: true as const, review: null, manager: null }, { status: 410 });
    // Not the viewer's own review: the module's fasilitators (and the coordinator) read it, e.g. a
    // flagged one from the board; anyone else gets 404.
    const m = await reviewForManager(db, params.reviewId ?? "");
    if (!m) notFound();
    const access = await requireModule(user, m.moduleId);
    if (!access.manage) notFound();
    return {
      takenBack: false as const,
      review: shape(m.data),
      manager: { reviewer: m.reviewer, flags: m.flags, board: `/pelatihan/${m.moduleId}/tugas/${m.data.assignment.id}/silang-baca` },
    };
  }
  if (!can(user, "review.do", { ownerId: r.data.review.reviewer_id })) notFound();
  return { takenBack: false as const, review: shape(r.data), manager: null };
}

type ActionResult =
  | { kind: "form"; reply: SubmissionResult<string[]>; missing: string[] }
  | { kind: "anchor"; error: string; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reviewId = params.reviewId ?? "";
  const self = `/silang-baca/${reviewId}`;
  const fd = await request.formData();
  const intent = String(fd.get("intent") ?? "");
  const anchorFail = (error: string) =>
    data<ActionResult>({ kind: "anchor", error, values: Object.fromEntries([...fd].filter(([k]) => k !== "intent").map(([k, v]) => [k, String(v)])) }, { status: 400 });

  if (intent === "comment" || intent === "pin" || intent === "delete") {
    let r: { ok: true } | { ok: false; error: ReviewError };
    if (intent === "comment") {
      const p = textCommentSchema.safeParse(Object.fromEntries(fd));
      if (!p.success) return anchorFail(p.error.issues[0]?.message ?? "form.required");
      r = await addTextComment(db, reviewId, user.id, p.data);
    } else if (intent === "pin") {
      const p = pinCommentSchema.safeParse(Object.fromEntries(fd));
      if (!p.success) return anchorFail(p.error.issues[0]?.message ?? "form.required");
      r = await addPinComment(db, reviewId, user.id, p.data);
    } else {
      const p = deleteCommentSchema.safeParse(Object.fromEntries(fd));
      if (!p.success) return anchorFail("form.required");
      r = await deleteComment(db, reviewId, user.id, p.data.commentId);
    }
    if (!r.ok) {
      if (r.error === "review.do.notFound") notFound();
      return anchorFail(r.error);
    }
    return redirectWithFlash(`${self}#komentar`, { tone: "success", key: intent === "delete" ? "review.do.flash.commentDeleted" : "review.do.flash.commentAdded" });
  }

  const submission = parseWithZod(fd, { schema: reviewSchema });
  if (submission.status !== "success") {
    const forged = Object.keys(submission.error ?? {}).some((k) => k.startsWith("level") || k.startsWith("comment"));
    return data<ActionResult>({ kind: "form", reply: submission.reply(forged ? { formErrors: ["review.do.unknownCriterion"] } : {}), missing: [] }, { status: 400 });
  }
  const v = submission.value;
  const r = v.intent === "submit" ? await submitReview(db, reviewId, user.id, v) : await saveReviewDraft(db, reviewId, user.id, v);
  if (!r.ok) {
    if (r.error === "review.do.notFound") notFound();
    return data<ActionResult>({ kind: "form", reply: submission.reply({ formErrors: [r.error] }), missing: r.criterionIds ?? [] }, { status: 400 });
  }
  return v.intent === "submit"
    ? redirectWithFlash("/silang-baca", { tone: "success", key: "review.do.flash.submitted" })
    : redirectWithFlash(self, { tone: "success", key: "review.do.flash.saved" });
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { takenBack: false }>["review"];

export default function ReviewPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  if (d.takenBack || !d.review) {
    return (
      <>
        <PageHeader title={t("review.do.title")} />
        <Notice tone="warning" role="alert">{t("review.do.takenBack")}</Notice>
        <p className="mt-4"><ButtonLink to="/silang-baca">{t("review.do.backToList")}</ButtonLink></p>
      </>
    );
  }
  const r = d.review as Loaded;
  if (d.manager) return <ManagerView review={r} manager={d.manager} />;
  const submitted = r.status === "submitted";
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/silang-baca" className="no-underline hover:underline">{t("review.do.listTitle")}</Link>}
        title={<span className="block text-balance">{r.assignmentTitle}</span>}
        description={submitted ? t("review.do.submittedLead") : t("review.do.lead")}
        actions={<Badge tone={submitted ? "success" : "neutral"}>{t(`review.do.status.${r.status}`)}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="piece-title" className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id="piece-title" className="sr-only">{t("review.do.piece")}</h2>
          <Piece review={r} editable={!submitted} />
          <CommentList review={r} editable={!submitted} />
          {!submitted ? <QuoteForm review={r} /> : null}
        </section>
        <section aria-labelledby="rubric-title" className="min-w-0">
          <h2 id="rubric-title" className="mb-3 text-xl font-bold">{t("review.do.rubric")}</h2>
          {submitted ? <Submitted review={r} /> : r.criteria.length ? <ReviewForm review={r} /> : <Notice tone="warning">{t("review.do.noRubric")}</Notice>}
        </section>
      </div>
    </>
  );
}

/** A fasilitator reading someone's review (from the board): read-only, with the reviewer's name and flags. */
function ManagerView({ review: r, manager }: { review: Loaded; manager: { reviewer: string; flags: string[]; board: string } }) {
  const t = useT();
  const submitted = r.status === "submitted";
  return (
    <>
      <PageHeader
        eyebrow={<Link to={manager.board} className="no-underline hover:underline">{t("review.manage.back")}</Link>}
        title={<span className="block text-balance">{r.assignmentTitle}</span>}
        description={<><span className="block font-semibold text-ink">{t("review.manage.by", { reviewer: manager.reviewer })}</span><span className="block text-sm">{t("review.manage.readOnly")}</span></>}
        actions={<Badge tone={submitted ? "success" : "neutral"}>{t(`review.do.status.${r.status === "submitted" ? "submitted" : r.status === "started" ? "started" : "assigned"}`)}</Badge>}
      />
      {manager.flags.length ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("review.manage.flagged")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {manager.flags.map((f) => <li key={f}>{t(f === "generic" ? "review.manage.flag.generic" : "review.manage.flag.disagrees")}</li>)}
          </ul>
        </Notice>
      ) : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="piece-title" className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id="piece-title" className="sr-only">{t("review.do.piece")}</h2>
          <Piece review={r} editable={false} />
          <CommentList review={r} editable={false} title={t("review.manage.comments")} />
        </section>
        <section aria-labelledby="rubric-title" className="min-w-0">
          <h2 id="rubric-title" className="mb-3 text-xl font-bold">{t("review.manage.rubric")}</h2>
          {submitted ? <Submitted review={r} noteKey="review.manage.submittedNote" /> : <Notice tone="neutral">{t("review.manage.notSubmitted")}</Notice>}
        </section>
      </div>
    </>
  );
}

// ---- the piece: selecting a passage fills the comment form; clicking an image places a pin ------

/** The passage the reviewer selected, shared between the piece and the comment form. */
const SELECT_EVENT = "sinergi:review-quote";

function Piece({ review, editable }: { review: Loaded; editable: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const onSelect = () => {
    if (!editable || review.kind !== "release") return;
    const sel = document.getSelection();
    const root = ref.current?.querySelector("[data-testid=submission-version] > div");
    if (!sel || sel.isCollapsed || !root || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const pre = document.createRange();
    pre.setStart(root, 0);
    pre.setEnd(range.startContainer, range.startOffset);
    const found = locateQuote(review.plain, sel.toString(), pre.toString());
    if (found) window.dispatchEvent(new CustomEvent(SELECT_EVENT, { detail: found }));
  };
  const images = review.version.files.filter((f) => f.role !== "video" && f.mime.startsWith("image/"));
  return (
    <>
      <Card>
        {editable && review.kind === "release" ? <p className="mb-3 text-sm text-muted">{t("review.do.selectHint")}</p> : null}
        <div ref={ref} onMouseUp={onSelect} onKeyUp={onSelect} onTouchEnd={() => setTimeout(onSelect, 50)}>
          <SubmissionView version={review.version} kind={review.kind} heading="h3" />
        </div>
      </Card>
      {images.length ? <PinBoard review={review} images={images} editable={editable} /> : null}
    </>
  );
}

function PinBoard({ review, images, editable }: { review: Loaded; images: Loaded["version"]["files"]; editable: boolean }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  const [pin, setPin] = useState<{ fileId: string; x: number; y: number } | null>(null);
  useEffect(() => setHydrated(true), []);
  const pins = review.anchored.filter((c) => c.anchor === "pin");
  if (!hydrated && !pins.length) return null;
  const place = (fileId: string) => (e: MouseEvent<HTMLButtonElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const keyboard = e.detail === 0;
    const x = keyboard ? 0.5 : Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
    const y = keyboard ? 0.5 : Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height));
    setPin({ fileId, x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 });
  };
  return (
    <Card aria-labelledby="pins-title">
      <h3 id="pins-title" className="text-lg font-bold">{t("review.do.pins.title")}</h3>
      {editable ? <p className="mb-3 text-sm text-muted">{t("review.do.pins.hint")}</p> : null}
      <ul className="space-y-4">
        {images.map((f, i) => (
          <li key={f.id}>
            <div className="relative mx-auto w-fit">
              {editable && hydrated ? (
                <button type="button" onClick={place(f.id)} className="block cursor-crosshair" aria-label={t("review.do.pins.place", { n: i + 1 })}>
                  <img src={f.thumbUrl ?? f.url} alt={f.caption ?? ""} className="block h-auto max-h-96 w-auto max-w-full" />
                </button>
              ) : (
                <img src={f.thumbUrl ?? f.url} alt={f.caption ?? ""} className="block h-auto max-h-96 w-auto max-w-full" />
              )}
              {pins.filter((p) => p.fileId === f.id).map((p) => (
                <span key={p.id} aria-hidden="true" className="pointer-events-none absolute flex size-7 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-accent-700 text-xs font-bold text-white shadow" style={{ left: `${(p.x ?? 0) * 100}%`, top: `${(p.y ?? 0) * 100}%` }}>
                  {review.anchored.indexOf(p) + 1}
                </span>
              ))}
              {pin?.fileId === f.id ? (
                <span aria-hidden="true" className="pointer-events-none absolute size-7 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-brand-700 shadow" style={{ left: `${pin.x * 100}%`, top: `${pin.y * 100}%` }} />
              ) : null}
            </div>
            {pin?.fileId === f.id ? <PinForm review={review} pin={pin} onCancel={() => setPin(null)} /> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CriterionSelect({ review, id, defaultValue }: { review: Loaded; id: string; defaultValue?: string }) {
  const t = useT();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">{t("review.do.anchor.criterion")}</label>
      <select id={id} name="criterionId" required defaultValue={defaultValue ?? ""} className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2">
        <option value="" disabled>{t("review.do.anchor.pickCriterion")}</option>
        {review.criteria.map((c, i) => <option key={c.id} value={c.id}>{i + 1}. {c.title}</option>)}
      </select>
    </div>
  );
}

function PinForm({ review, pin, onCancel }: { review: Loaded; pin: { fileId: string; x: number; y: number }; onCancel: () => void }) {
  const t = useT();
  const a = useActionData<typeof action>();
  const error = a && a.kind === "anchor" && a.values.fileId ? a.error : null;
  return (
    <Form method="post" className="mt-3 space-y-3 rounded-control border border-brand-600 bg-brand-50 p-3" aria-label={t("review.do.pins.formLabel")}>
      <input type="hidden" name="intent" value="pin" />
      <input type="hidden" name="fileId" value={pin.fileId} />
      <input type="hidden" name="x" value={pin.x} />
      <input type="hidden" name="y" value={pin.y} />
      <FormErrors errors={error ? [error] : null} />
      <CriterionSelect review={review} id="pin-criterion" />
      <div>
        <label htmlFor="pin-body" className="mb-1 block font-semibold">{t("review.do.anchor.body")}</label>
        <textarea id="pin-body" name="body" rows={3} required autoFocus className="block w-full rounded-control border border-line bg-white px-3 py-2" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("review.do.anchor.save")}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t("review.do.anchor.cancel")}</Button>
      </div>
    </Form>
  );
}

/** The passage form: filled by a selection (with offsets), or typed by hand without JavaScript. */
function QuoteForm({ review }: { review: Loaded }) {
  const t = useT();
  const a = useActionData<typeof action>();
  const posted = a && a.kind === "anchor" && a.values.quote !== undefined ? a : null;
  const [found, setFound] = useState<{ quote: string; start: number; end: number } | null>(null);
  const [quote, setQuote] = useState(posted?.values.quote ?? "");
  const [open, setOpen] = useState(!!posted);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const on = (e: Event) => {
      const f = (e as CustomEvent<{ quote: string; start: number; end: number }>).detail;
      setFound(f);
      setQuote(f.quote);
      setOpen(true);
    };
    window.addEventListener(SELECT_EVENT, on);
    return () => window.removeEventListener(SELECT_EVENT, on);
  }, []);
  // A saved comment (the list grew): start afresh.
  const count = review.anchored.length;
  const seen = useRef(count);
  useEffect(() => {
    if (count === seen.current) return;
    seen.current = count;
    setFound(null);
    setQuote("");
    setOpen(false);
  }, [count]);
  if (review.kind !== "release" || !review.plain) return null;
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-card border border-line bg-white p-4" id="kutipan">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("review.do.anchor.title")}</summary>
      <Form method="post" className="mt-2 space-y-3" key={found ? `${found.start}-${found.end}` : "manual"}>
        <input type="hidden" name="intent" value="comment" />
        {found && found.quote === quote ? (
          <>
            <input type="hidden" name="start" value={found.start} />
            <input type="hidden" name="end" value={found.end} />
          </>
        ) : null}
        <FormErrors errors={posted ? [posted.error] : null} />
        <div>
          <label htmlFor="quote" className="mb-1 block font-semibold">{t("review.do.anchor.quote")}</label>
          <p id="quote-hint" className="mb-1 text-sm text-muted">{t("review.do.anchor.quoteHint")}</p>
          <textarea ref={quoteRef} id="quote" name="quote" rows={2} required aria-describedby="quote-hint" value={quote} onChange={(e) => setQuote(e.target.value)} className="block w-full rounded-control border border-line bg-white px-3 py-2" />
        </div>
        <CriterionSelect review={review} id="quote-criterion" defaultValue={posted?.values.criterionId} />
        <div>
          <label htmlFor="quote-body" className="mb-1 block font-semibold">{t("review.do.anchor.body")}</label>
          <textarea id="quote-body" name="body" rows={3} required defaultValue={posted?.values.body ?? ""} className="block w-full rounded-control border border-line bg-white px-3 py-2" />
        </div>
        <Button type="submit">{t("review.do.anchor.save")}</Button>
      </Form>
    </details>
  );
}

function CommentList({ review, editable, title: heading }: { review: Loaded; editable: boolean; title?: string }) {
  const t = useT();
  const title = (id: string) => {
    const i = review.criteria.findIndex((c) => c.id === id);
    return i < 0 ? "—" : review.criteria[i].title;
  };
  const images = review.version.files.filter((f) => f.role !== "video");
  return (
    <Card aria-labelledby="komentar">
      <h3 id="komentar" className="text-lg font-bold">{heading ?? t("review.do.anchored.title")}</h3>
      {review.anchored.length === 0 ? (
        <p className="text-muted">{t("review.do.anchored.empty")}</p>
      ) : (
        <ol className="mt-2 list-none divide-y divide-line">
          {review.anchored.map((c, i) => (
            <li key={c.id} className="py-3">
              <p className="text-sm font-semibold text-brand-800">
                <span className="mr-1 inline-flex size-6 items-center justify-center rounded-full bg-accent-700 text-xs text-white" aria-hidden="true">{i + 1}</span>
                {title(c.criterionId)}
              </p>
              {c.anchor === "text" ? (
                <blockquote className="my-1 border-l-4 border-accent-500 bg-surface px-3 py-1 italic">{c.quote}</blockquote>
              ) : (
                <p className="my-1 text-sm text-muted">{t("review.do.anchored.pin", { n: images.findIndex((f) => f.id === c.fileId) + 1 })}</p>
              )}
              <p className="whitespace-pre-line">{c.body}</p>
              {editable ? (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <Button type="submit" variant="secondary">{t("review.do.anchored.delete")}</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

// ---- the review form ---------------------------------------------------------------------------

function ReviewForm({ review }: { review: Loaded }) {
  const a = useActionData<typeof action>();
  const lastResult = a && a.kind === "form" ? a.reply : undefined;
  const missing = new Set(a && a.kind === "form" ? a.missing : []);
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  const autosave = useFetcher<{ ok: boolean; savedAt?: string; error?: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = useRef(false);
  const [form, fields] = useForm({
    id: `review-${review.id}`,
    lastResult,
    defaultValue: {
      level: Object.fromEntries(Object.entries(review.levels).map(([k, v]) => [k, String(v)])),
      comment: review.comments,
      feedback: review.feedback ?? "",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }),
  });
  const initial = (form.initialValue ?? {}) as { level?: Record<string, string>; comment?: Record<string, string>; feedback?: string };
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(Object.entries(initial.level ?? {}).filter(([, v]) => /^[1-4]$/.test(String(v))).map(([k, v]) => [k, Number(v)])),
  );
  const known = Object.fromEntries(Object.entries(levels).filter(([id]) => review.criteria.some((c) => c.id === id)));
  const score = weightedScore(review.criteria, known);
  const submitting = navigation.state === "submitting";

  // With JavaScript: save the draft every few seconds while something changed.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (!dirty.current || !formRef.current || autosave.state !== "idle") return;
      dirty.current = false;
      const fd = new FormData(formRef.current);
      fd.set("intent", "save");
      autosave.submit(fd, { method: "post", action: `/silang-baca/${review.id}/draf` });
    }, 4000);
    return () => window.clearInterval(timer);
  }, [autosave, review.id]);
  const savedAt = autosave.data?.ok ? autosave.data.savedAt : review.draftSavedAt;

  return (
    <Form method="post" {...getFormProps(form)} ref={formRef} onChange={() => { dirty.current = true; }} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <ol className="space-y-4">
        {review.criteria.map((c, i) => {
          const needsComment = (levels[c.id] ?? 4) <= 2;
          return (
            <li key={c.id} className={`rounded-card border bg-white p-3 sm:p-4 ${missing.has(c.id) ? "border-danger-600" : "border-line"}`}>
              <fieldset className="min-w-0">
                <legend className="mb-2 font-semibold">
                  {i + 1}. {t("review.do.levelLegend", { title: c.title, weight: c.weight })}
                </legend>
                <LevelChoices criterionId={c.id} descriptors={c.levels} checked={initial.level?.[c.id]} onPick={(level) => setLevels((prev) => ({ ...prev, [c.id]: level }))} />
                <label htmlFor={`comment-${c.id}`} className="mb-1 mt-3 block text-sm font-semibold">
                  {t("review.do.comment")}{" "}
                  <span className="font-normal text-muted">({needsComment ? t("review.do.commentNeeded") : t("form.optional")})</span>
                </label>
                <textarea
                  id={`comment-${c.id}`}
                  name={`comment.${c.id}`}
                  rows={2}
                  defaultValue={initial.comment?.[c.id] ?? ""}
                  aria-invalid={missing.has(c.id) || undefined}
                  className="block w-full rounded-control border border-line bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger-600"
                />
                {missing.has(c.id) ? <p className="mt-1 text-sm font-medium text-danger-700">{t(form.errors?.[0] === "review.do.incomplete" ? "review.do.levelHere" : "review.do.commentHere")}</p> : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <label htmlFor={fields.feedback.id} className="mb-1 block font-semibold">{t("review.do.feedback")}</label>
        <p id={`${fields.feedback.id}-hint`} className="mb-1 text-sm text-muted">{t("review.do.feedbackHint")}</p>
        <textarea
          id={fields.feedback.id}
          name={fields.feedback.name}
          rows={5}
          defaultValue={initial.feedback ?? ""}
          aria-describedby={`${fields.feedback.id}-hint`}
          aria-invalid={form.errors?.includes("review.do.feedbackRequired") || undefined}
          className="block w-full rounded-control border border-line bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger-600"
        />
      </div>
      <p className="font-semibold" aria-live="polite" data-testid="score-preview">
        {t("review.do.scorePreview", { score: formatNumber(score, locale, 2) })}
      </p>
      <p className="text-sm text-muted" aria-live="polite" data-testid="draft-status">
        {autosave.state !== "idle" ? t("review.do.saving") : savedAt ? t("review.do.savedAt", { at: formatDateTime(savedAt, tz, locale) }) : t("review.do.notSaved")}
      </p>
      {/* "Kirim ulasan" first in the markup, so Enter submits; saving a draft is the secondary action. */}
      <div className="flex flex-col gap-2 sm:flex-row-reverse sm:justify-start">
        <Button type="submit" name="intent" value="submit" disabled={submitting}>{t("review.do.submit")}</Button>
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={submitting}>{t("review.do.save")}</Button>
      </div>
    </Form>
  );
}

function Submitted({ review, noteKey = "review.do.submittedNote" }: { review: Loaded; noteKey?: "review.do.submittedNote" | "review.manage.submittedNote" }) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <div className="space-y-4">
      <Notice tone="success">
        {t(noteKey, { at: review.submittedAt ? formatDateTime(review.submittedAt, tz, locale) : "—", score: review.score == null ? "—" : formatNumber(review.score, locale, 2) })}
      </Notice>
      <RubricTable criteria={review.criteria} selected={review.levels} comments={review.comments} commentLabel={t("review.do.comment")} />
      {review.feedback ? (
        <Card>
          <h3 className="mb-1 font-bold">{t("review.do.feedback")}</h3>
          <p className="whitespace-pre-line">{review.feedback}</p>
        </Card>
      ) : null}
    </div>
  );
}
