import type { ReactNode } from "react";

export function Card({ children, className = "", as: As = "section", ...rest }: {
  children: ReactNode; className?: string; as?: "section" | "div" | "article"; "aria-labelledby"?: string;
}) {
  return (
    <As className={`rounded-card border border-line bg-white p-4 shadow-sm sm:p-6 ${className}`} {...rest}>
      {children}
    </As>
  );
}

export function PageHeader({ title, description, actions, eyebrow }: {
  title: ReactNode; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0 sm:flex-1">
        {eyebrow ? <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{eyebrow}</p> : null}
        <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 max-w-prose text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2 sm:max-w-[55%] sm:justify-end">{actions}</div> : null}
    </div>
  );
}

type Tone = "neutral" | "brand" | "success" | "warning" | "danger";
const tones: Record<Tone, string> = {
  neutral: "bg-surface text-muted border-line",
  brand: "bg-brand-50 text-brand-800 border-brand-200",
  success: "bg-success-50 text-success-700 border-success-700/30",
  warning: "bg-warning-50 text-warning-700 border-warning-700/30",
  danger: "bg-danger-50 text-danger-700 border-danger-600/30",
};

/** A badge's classes (styles/components.css: .badge, .badge-<tone>), for a list that writes its
 *  badges as plain spans (one component call fewer per row). */
export const badgeClass = (tone: Tone = "neutral") => `badge badge-${tone}`;

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={badgeClass(tone)}>{children}</span>;
}

export function Notice({ tone = "brand", children, role }: { tone?: Tone; children: ReactNode; role?: "status" | "alert" }) {
  return (
    <div role={role ?? (tone === "danger" ? "alert" : "status")} className={`mb-4 rounded-control border px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-control border border-dashed border-line bg-white p-6 text-center text-muted">{children}</p>;
}
