// The press-release editor of the trainee's assignment page: the shared rich-text field (a plain
// textarea before JavaScript, Tiptap after) with a live word count and the pre-checks beside it.
// With JavaScript the text is also
//   - kept in the browser: localStorage, keyed by user + assignment, written on every change, so a
//     dropped connection or a closed tab loses nothing; on load a local copy newer than the server's
//     draft is restored (and the trainee is told);
//   - autosaved to …/draf a few seconds after the last change (only when changed), carrying the
//     draft revision it is based on; a stale tab is refused by the server and both texts are kept
//     (the trainee's stays in the editor, the server's is shown beside it);
//   - offline: "Offline — tersimpan di perangkat ini", saved again as soon as the browser is back online.
// Plain fetch() is used rather than a Remix fetcher: a failed request while offline must be an
// ordinary state of this component, not an error boundary, and the page's loaders need not re-run.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { RichTextEditor } from "~/components/rich-text/editor";
import { Notice } from "~/components/ui/card";
import { formatNumber, formatTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { checkRelease } from "~/lib/release-checks";
import { plainToDoc, tryParseDoc } from "~/lib/rich-text";

const AUTOSAVE_MS = 2500;
const RETRY_MS = 5000;

interface LocalCopy { json: string; at: number; revision: number }

export interface ReleaseEditorProps {
  /** the server's draft (editor JSON) and its revision / save time */
  draftJson: string | null;
  revision: number;
  savedAt: string | null;
  /** POST target of the autosave */
  draftUrl: string;
  /** localStorage key: user + assignment */
  storageKey: string;
  /** what a no-JS post sent back after a refusal */
  typed?: string | null;
  errors?: string[] | null;
}

type SaveState = "idle" | "saving" | "saved" | "offline" | "retrying" | "stale";

function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as LocalCopy;
    return typeof v?.json === "string" && typeof v.at === "number" ? v : null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, copy: LocalCopy) {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    /* storage full or disabled: the server autosave still runs */
  }
}

export function ReleaseEditor({ draftJson, revision: serverRevision, savedAt: serverSavedAt, draftUrl, storageKey, typed, errors }: ReleaseEditorProps) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const initial = typed ?? draftJson ?? "";
  const [editorKey, setEditorKey] = useState(0);
  const [startValue, setStartValue] = useState(initial);
  const [json, setJson] = useState<string>(() => JSON.stringify(tryParseDoc(initial) ?? plainToDoc(initial)));
  const [state, setState] = useState<SaveState>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(serverSavedAt);
  const [restored, setRestored] = useState(false);
  const [staleText, setStaleText] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const revisionRef = useRef(serverRevision);
  const [revision, setRevision] = useState(serverRevision);
  // What the server holds, in the editor's own serialisation: the text it was loaded with.
  const lastSavedRef = useRef<string | null>(json);
  const jsonRef = useRef(json);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const ready = useRef(false);

  // On load: a local copy that is newer than the server's draft wins (a tab closed before its last
  // autosave, or text typed while offline).
  useEffect(() => {
    const local = readLocal(storageKey);
    const server = draftJson ? JSON.stringify(tryParseDoc(draftJson)) : null;
    if (local && !typed && local.json !== server) {
      const serverTime = serverSavedAt ? Date.parse(serverSavedAt) : 0;
      const localText = JSON.stringify(tryParseDoc(local.json));
      const hasText = (tryParseDoc(local.json)?.content ?? []).some((n) => (n.content ?? []).length > 0);
      if (hasText && localText !== server && (local.revision >= serverRevision || local.at > serverTime)) {
        setStartValue(local.json);
        setJson(local.json);
        jsonRef.current = local.json;
        setEditorKey((k) => k + 1);
        setRestored(true);
        // the server has not seen this text yet
        timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
      }
    }
    setOnline(navigator.onLine);
    ready.current = true;
    // once per page load
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(async (force = false) => {
    clearTimeout(timer.current);
    const body = jsonRef.current;
    if (inFlight.current) {
      timer.current = setTimeout(() => void save(force), 500);
      return;
    }
    if (!force && body === lastSavedRef.current) return;
    if (!navigator.onLine) {
      setState("offline");
      return;
    }
    inFlight.current = true;
    setState("saving");
    try {
      const res = await fetch(draftUrl, {
        method: "POST",
        body: new URLSearchParams({ body, revision: String(revisionRef.current) }),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const out = (await res.json()) as { ok: boolean; revision?: number; savedAt?: string; error?: string; serverText?: string };
      if (out.ok && typeof out.revision === "number") {
        revisionRef.current = out.revision;
        setRevision(out.revision);
        lastSavedRef.current = body;
        setSavedAt(out.savedAt ?? null);
        setState(jsonRef.current === body ? "saved" : "idle");
        writeLocal(storageKey, { json: jsonRef.current, at: Date.now(), revision: out.revision });
        setStaleText(null);
        if (jsonRef.current !== body) timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
      } else if (res.status === 409) {
        // Another tab or device saved newer text: keep ours in the editor, show theirs, do not overwrite.
        setStaleText(out.serverText ?? "");
        if (typeof out.revision === "number") {
          revisionRef.current = out.revision;
          setRevision(out.revision);
        }
        setState("stale");
      } else {
        setState("retrying");
        timer.current = setTimeout(() => void save(), RETRY_MS);
      }
    } catch {
      setState(navigator.onLine ? "retrying" : "offline");
      if (navigator.onLine) timer.current = setTimeout(() => void save(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
  }, [draftUrl, storageKey]);

  const onChange = useCallback((next: string) => {
    setJson(next);
    jsonRef.current = next;
    if (!ready.current) return;
    if (next === lastSavedRef.current) return; // the editor reporting the text it was loaded with
    writeLocal(storageKey, { json: next, at: Date.now(), revision: revisionRef.current });
    setState((s) => (s === "stale" ? s : !navigator.onLine ? "offline" : s === "saving" ? s : "idle"));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
  }, [storageKey]);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void saveRef.current();
    };
    const goOffline = () => {
      setOnline(false);
      setState("offline");
    };
    // Leaving the page (tab closed, phone locked): one last try; the local copy is already written.
    const leave = () => {
      if (document.visibilityState === "hidden" && jsonRef.current !== lastSavedRef.current && navigator.onLine) void saveRef.current();
    };
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    document.addEventListener("visibilitychange", leave);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      document.removeEventListener("visibilitychange", leave);
      clearTimeout(timer.current);
    };
  }, []);

  const checks = useMemo(() => checkRelease(tryParseDoc(json)), [json]);
  const status =
    !online || state === "offline" ? t("release.offline")
    : state === "saving" ? t("release.saving")
    : state === "retrying" ? t("release.retrying")
    : state === "stale" ? null
    : json !== lastSavedRef.current && state === "idle" && ready.current ? t("release.unsaved")
    : savedAt ? t("release.savedAt", { time: formatTime(savedAt, tz, locale) })
    : null;

  const items: { key: string; ok: boolean; label: string; hint: string | null }[] = [
    {
      key: "title", ok: checks.title.ok, label: t("release.check.title"),
      hint: checks.hints.includes("release.hint.noTitle") ? t("release.hint.noTitle") : checks.hints.includes("release.hint.titleLong") ? t("release.hint.titleLong", { n: checks.title.words }) : null,
    },
    {
      key: "lead", ok: checks.lead.ok, label: t("release.check.lead"),
      hint: checks.hints.includes("release.hint.noLead") ? t("release.hint.noLead") : checks.hints.includes("release.hint.leadLong") ? t("release.hint.leadLong", { n: checks.lead.words }) : null,
    },
    { key: "dateline", ok: checks.dateline, label: t("release.check.dateline"), hint: checks.dateline ? null : t("release.hint.noDateline") },
    { key: "contact", ok: checks.contact, label: t("release.check.contact"), hint: checks.contact ? null : t("release.hint.noContact") },
  ];

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0">
        {restored ? <Notice tone="brand">{t("release.restored")}</Notice> : null}
        {staleText !== null ? (
          <Notice tone="warning" role="alert">
            <p>{t("submission.stale")}</p>
            <details className="mt-2">
              <summary className="cursor-pointer font-semibold">{t("submission.staleServerText")}</summary>
              <p className="mt-2 max-h-60 overflow-auto whitespace-pre-line rounded-control border border-line bg-white p-2 text-sm text-ink">{staleText}</p>
            </details>
            <button
              type="button"
              onClick={() => {
                setStaleText(null);
                setState("idle");
                void save(true);
              }}
              className="mt-2 min-h-11 rounded-control border border-line bg-white px-3 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {t("submission.staleKeepMine")}
            </button>
          </Notice>
        ) : null}
        <input type="hidden" name="revision" value={revision} />
        <RichTextEditor
          key={editorKey}
          name="body"
          id="release-body"
          label={t("release.label")}
          hint={t("release.hint")}
          defaultValue={startValue}
          errors={errors}
          tall
          onChange={onChange}
        />
        <p className="-mt-2 flex min-h-6 flex-wrap items-center gap-x-3 text-sm text-muted" aria-live="polite" data-testid="autosave-status">
          <span className="font-semibold text-ink" data-testid="word-count">{t("release.wordCount", { n: formatNumber(checks.wordCount, locale, 0) })}</span>
          {status ? <span className={!online || state === "offline" ? "font-semibold text-warning-700" : ""}>{status}</span> : null}
        </p>
      </div>
      <aside aria-labelledby="release-checks-title" className="h-fit rounded-card border border-line bg-surface p-4 lg:sticky lg:top-4">
        <h3 id="release-checks-title" className="font-bold">{t("release.checks")}</h3>
        <p className="mb-3 text-sm text-muted">{t("release.checksNote")}</p>
        <ul className="space-y-3" data-testid="release-checks">
          {items.map((i) => (
            <li key={i.key} className="flex gap-2">
              <span
                aria-hidden
                className={`mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold ${i.ok ? "bg-success-700 text-white" : "bg-warning-50 text-warning-700 ring-1 ring-warning-700/40"}`}
              >
                {i.ok ? "✓" : "!"}
              </span>
              <span className="min-w-0 text-sm">
                <span className="font-semibold">{i.label}</span>
                <span className="sr-only"> — {i.ok ? t("release.checkOk") : t("release.checkMissing")}</span>
                {i.hint ? <span className="block text-muted">{i.hint}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
