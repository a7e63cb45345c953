// SubmissionView — one submitted version of a trainee's work, read-only. Used on the trainee's
// assignment page and on the fasilitator's grade page.
//
// Props:
//   version: SubmittedVersionView — build it on the server with
//            `versionView(await getVersion(db, submissionId, number | null))` from
//            ~/models/submission.server (null = the latest version). It carries:
//              number, submittedAt (ISO UTC), late, wordCount (release only, else null),
//              html     — the release text rendered to HTML ON THE SERVER from the sanitised schema
//                         (never pass HTML from anywhere else), null for other kinds,
//              linkUrl  — a video given as an https link, else null,
//              files    — images (role main | supporting, with caption, thumbUrl and url) and an
//                         uploaded video (role video, url); URLs are /berkas/:fileId[/thumb], which
//                         answer 404 to anyone not allowed by `submission.view`. No file names.
//   kind:    "release" | "infographic" | "photo" | "video" (the assignment's kind)
//   heading: optional heading level for the version title (default "h3")
//   className: optional extra classes for the outer element
// Dates are shown in the viewer's own zone (useViewerTimeZone).
import type { ReactNode } from "react";
import { RichTextView } from "~/components/rich-text/view";
import { Badge } from "~/components/ui/card";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";

export interface SubmittedFileView {
  id: string;
  role: "main" | "supporting" | "video";
  caption: string | null;
  mime: string;
  width: number | null;
  height: number | null;
  url: string;
  thumbUrl: string | null;
}

export interface SubmittedVersionView {
  number: number;
  submittedAt: string;
  late: boolean;
  wordCount: number | null;
  html: string | null;
  linkUrl: string | null;
  files: SubmittedFileView[];
}

export function SubmissionView({ version, kind, heading = "h3", className = "" }: {
  version: SubmittedVersionView; kind: string; heading?: "h2" | "h3" | "h4"; className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const H = heading;
  const images = version.files.filter((f) => f.role !== "video");
  const video = version.files.find((f) => f.role === "video");
  return (
    <article className={`min-w-0 ${className}`} data-testid="submission-version">
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <H className="text-lg font-bold">{t("submission.versionN", { n: version.number })}</H>
        {version.late ? <Badge tone="warning">{t("submission.late")}</Badge> : null}
        {version.wordCount !== null ? <Badge>{t("submission.words", { n: formatNumber(version.wordCount, locale, 0) })}</Badge> : null}
        <span className="w-full text-sm text-muted sm:w-auto">{t("submission.submittedAt", { at: formatDateTime(version.submittedAt, tz, locale) })}</span>
      </header>

      {kind === "release" ? (
        version.html ? (
          <RichTextView html={version.html} className="rounded-control border border-line bg-white p-4 [&_h2:first-child]:mt-0" />
        ) : (
          <p className="text-muted">{t("submission.noText")}</p>
        )
      ) : null}

      {images.length ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {images.map((f) => (
            <li key={f.id} className={f.role === "main" ? "sm:col-span-2" : ""}>
              <Figure file={f} label={kind === "photo" ? (f.role === "main" ? t("submission.photoMain") : t("submission.photoSupporting")) : null} openLabel={t("submission.openFull")} />
            </li>
          ))}
        </ul>
      ) : null}

      {video ? (
        // eslint-disable-next-line jsx-a11y/media-has-caption -- trainee's own footage; captions are part of what is graded
        <video controls preload="metadata" className="aspect-video w-full rounded-control bg-black" src={video.url}>
          <a href={video.url}>{t("submission.openFull")}</a>
        </video>
      ) : null}
      {version.linkUrl ? (
        <p className="mt-2">
          <span className="font-semibold">{t("submission.videoLink")}: </span>
          <a href={version.linkUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all">{version.linkUrl}</a>
        </p>
      ) : null}
    </article>
  );
}

function Figure({ file, label, openLabel }: { file: SubmittedFileView; label: ReactNode; openLabel: string }) {
  return (
    <figure className="overflow-hidden rounded-control border border-line bg-white">
      <a href={file.url} target="_blank" rel="noopener" className="block bg-surface" aria-label={openLabel}>
        <img
          src={file.thumbUrl ?? file.url}
          alt={file.caption ?? ""}
          loading="lazy"
          width={file.width ?? undefined}
          height={file.height ?? undefined}
          className={`mx-auto h-auto max-h-96 w-auto max-w-full object-contain`}
        />
      </a>
      {label || file.caption ? (
        <figcaption className="border-t border-line p-3 text-sm">
          {label ? <span className="block font-semibold text-ink">{label}</span> : null}
          {file.caption ? <span className="whitespace-pre-line text-ink">{file.caption}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
