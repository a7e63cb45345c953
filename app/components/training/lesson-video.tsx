// The lesson's video: an HTML5 <video> (no custom player), which also works before JavaScript.
// Once interactive, a small script collects the ranges actually played (a jump of more than 2 s is a
// seek and is not counted; see ~/lib/watch-progress) and posts them every 10 s and when the page is
// hidden — with navigator.sendBeacon and a form body, a same-origin POST the CSRF check accepts like
// any form. When Mux Data is configured (only then), mux-embed is loaded on this page and monitors
// the player with an opaque viewer id computed on the server.
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/react";
import { RangeCollector } from "~/lib/watch-progress";

export interface MuxConfig { envKey: string; viewerId: string; videoId: string; videoTitle: string }

const SEND_EVERY_MS = 10_000;

export function LessonVideo({ src, type, progressUrl, track, mux, initialPercent, initialDone }: {
  src: string;
  type: string | null;
  progressUrl: string;
  /** record progress (the viewer is enrolled) */
  track: boolean;
  mux: MuxConfig | null;
  initialPercent: number;
  initialDone: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState({ percent: initialPercent, done: initialDone });

  useEffect(() => {
    const v = ref.current;
    if (!v || !track) return;
    const collector = new RangeCollector();
    const playing = () => !v.paused && !v.seeking && !v.ended;
    const onTime = () => collector.tick(v.currentTime, playing());
    const onStop = () => collector.tick(v.currentTime, false);
    const body = () => {
      const ranges = collector.take();
      if (!ranges.length) return null;
      return new URLSearchParams({ ranges: JSON.stringify(ranges), duration: Number.isFinite(v.duration) ? String(v.duration) : "" });
    };
    const send = () => {
      const b = body();
      if (!b) return;
      void fetch(progressUrl, { method: "POST", body: b, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then((j: { percent?: number; done?: boolean } | null) => {
          if (j && typeof j.percent === "number") setState({ percent: j.percent, done: !!j.done });
        })
        .catch(() => undefined); // offline: the ranges of this batch are lost, the next ones still count
    };
    const beacon = () => {
      const b = body();
      if (b) navigator.sendBeacon(progressUrl, b);
    };
    v.addEventListener("timeupdate", onTime);
    for (const e of ["pause", "seeking", "ended", "waiting"]) v.addEventListener(e, onStop);
    const timer = window.setInterval(send, SEND_EVERY_MS);
    window.addEventListener("pagehide", beacon);
    return () => {
      v.removeEventListener("timeupdate", onTime);
      for (const e of ["pause", "seeking", "ended", "waiting"]) v.removeEventListener(e, onStop);
      window.clearInterval(timer);
      window.removeEventListener("pagehide", beacon);
      beacon(); // leaving the lesson within the app
    };
  }, [progressUrl, track]);

  useEffect(() => {
    const v = ref.current;
    if (!v || !mux) return;
    let cancelled = false;
    void import("mux-embed")
      .then(({ default: m }) => {
        if (cancelled) return;
        m.monitor(v, {
          debug: false,
          data: { env_key: mux.envKey, video_id: mux.videoId, video_title: mux.videoTitle, player_name: "Sinergi", viewer_user_id: mux.viewerId },
        });
      })
      .catch(() => undefined); // monitoring is optional; the lesson plays without it
    return () => {
      cancelled = true;
    };
  }, [mux]);

  return (
    <div>
      <video ref={ref} controls preload="metadata" playsInline className="aspect-video w-full rounded-card bg-black" data-testid="lesson-video">
        <source src={src} type={type ?? undefined} />
        <p className="p-4 text-white">
          {t("module.lesson.videoUnsupported")} <a href={src} className="text-white underline">{t("module.lesson.videoOpen")}</a>
        </p>
      </video>
      {track ? (
        <p className="mt-2 flex flex-wrap items-center gap-x-3 text-sm" aria-live="polite">
          {state.done ? (
            <span className="font-semibold text-success-700"><span aria-hidden="true">✓</span> {t("module.lesson.done")}</span>
          ) : null}
          <span className="text-muted">{t("module.lesson.watched", { percent: state.percent })}</span>
        </p>
      ) : null}
      <p className="mt-1 text-sm text-muted">{t("module.lesson.videoRule")}</p>
    </div>
  );
}
