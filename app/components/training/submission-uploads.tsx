// One file slot of the assignment form (infographic image, main or supporting photo, video file).
// Without JavaScript it is a plain file input in the page's multipart form. With JavaScript the file
// is uploaded on its own as soon as it is chosen (XHR, so upload.onprogress drives a progress bar) to
// …/unggah?slot=…; a failure shows "Gagal — coba lagi" with a retry button, and nothing else in the
// form (captions, other files) is touched. The caption is an ordinary field of the page's form.
import { useRevalidator } from "@remix-run/react";
import { useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";

export interface SlotFile { id: string; url: string; thumbUrl: string | null; mime: string }

type Upload = { state: "uploading"; pct: number } | { state: "failed"; error: string; file: File } | { state: "done" } | null;

export function UploadSlot({ slot, label, hint, accept, uploadUrl, current, error, caption, removeLabel }: {
  slot: string;
  label: string;
  hint: string;
  accept: string;
  uploadUrl: string;
  current: SlotFile | null;
  /** a refusal from the no-JS post (catalogue key) */
  error?: string | null;
  caption?: ReactNode;
  removeLabel: string;
}) {
  const t = useT();
  const revalidator = useRevalidator();
  const inputRef = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>(null);
  const id = `file-${slot}`;
  const errId = `${id}-error`;

  function send(file: File) {
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append("file", file);
    xhr.open("POST", `${uploadUrl}?slot=${encodeURIComponent(slot)}`);
    xhr.setRequestHeader("Accept", "application/json");
    setUpload({ state: "uploading", pct: 0 });
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setUpload({ state: "uploading", pct: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      let out: { ok?: boolean; error?: string } = {};
      try {
        out = JSON.parse(xhr.responseText) as typeof out;
      } catch {
        /* a proxy's HTML error page */
      }
      if (xhr.status === 200 && out.ok) {
        setUpload({ state: "done" });
        if (inputRef.current) inputRef.current.value = ""; // already stored: the form must not send it again
        revalidator.revalidate();
      } else {
        setUpload({ state: "failed", error: out.error ?? "upload.failed", file });
      }
    };
    xhr.onerror = () => setUpload({ state: "failed", error: "upload.failed", file });
    xhr.send(body);
  }

  const shownError = upload?.state === "failed" ? upload.error : error;
  return (
    <div className="rounded-card border border-line bg-white p-3 sm:p-4" data-slot={slot}>
      <label htmlFor={id} className="mb-1 block font-semibold text-ink">{label}</label>
      {hint ? <p id={`${id}-hint`} className="mb-2 text-sm text-muted">{hint}</p> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="grid size-28 shrink-0 place-items-center overflow-hidden rounded-control border border-dashed border-line bg-surface">
          {current ? (
            current.mime.startsWith("video/") ? (
              <a href={current.url} target="_blank" rel="noopener" className="p-2 text-center text-sm font-semibold">{t("upload.current")}</a>
            ) : (
              <a href={current.url} target="_blank" rel="noopener" aria-label={t("upload.current")}>
                <img src={current.thumbUrl ?? current.url} alt="" className="max-h-28 w-auto object-contain" data-testid={`thumb-${slot}`} />
              </a>
            )
          ) : (
            <span className="p-2 text-center text-xs text-muted">{t("upload.none")}</span>
          )}
        </div>
        <div className="min-w-0 flex-1">
          <input
            ref={inputRef}
            id={id}
            name={slot}
            type="file"
            accept={accept}
            aria-describedby={[hint ? `${id}-hint` : null, shownError ? errId : null].filter(Boolean).join(" ") || undefined}
            aria-invalid={shownError ? true : undefined}
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) send(f);
            }}
            className="block w-full min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-control file:border file:border-line file:bg-white file:px-3 file:font-semibold file:text-brand-800"
          />
          {upload?.state === "uploading" ? (
            <div className="mt-2" role="status">
              <progress max={100} value={upload.pct} className="h-2 w-full accent-brand-700" aria-label={t("upload.progress", { pct: upload.pct })} />
              <span className="text-sm text-muted">{t("upload.progress", { pct: upload.pct })}</span>
            </div>
          ) : null}
          {upload?.state === "done" ? <p className="mt-2 text-sm font-semibold text-success-700" role="status">{t("upload.done")}</p> : null}
          {shownError ? (
            <div id={errId} className="mt-2 text-sm font-medium text-danger-700" role="alert">
              {upload?.state === "failed" ? <p className="font-semibold">{t("upload.failed")}</p> : null}
              {shownError !== "upload.failed" ? <p>{t(shownError)}</p> : null}
              {upload?.state === "failed" ? (
                <button
                  type="button"
                  onClick={() => send(upload.file)}
                  className="mt-1 min-h-11 rounded-control border border-line bg-white px-3 font-semibold text-brand-800 hover:bg-brand-50"
                >
                  {t("upload.retry")}
                </button>
              ) : null}
            </div>
          ) : null}
          {current ? (
            <button name="intent" value={`remove:${current.id}`} className="mt-2 min-h-11 rounded-control px-2 text-sm font-semibold text-danger-700 hover:bg-danger-50">
              {removeLabel}
            </button>
          ) : null}
        </div>
      </div>
      {caption ? <div className="mt-3">{caption}</div> : null}
    </div>
  );
}
