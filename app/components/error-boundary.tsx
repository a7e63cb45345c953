// The one error boundary. Shows a message the user can act on, in their language; never a stack.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/react";

const known = new Set([400, 403, 404, 405, 413, 429]);

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let status = 500;
  let message = t("error.500");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (typeof error.data === "string" && error.data.startsWith("error.")) message = t(error.data);
    else if (known.has(status)) message = t(`error.${status}`);
  } else if (typeof document === "undefined") {
    // Logged on the server only; the page never shows it.
    console.error(error);
  }
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-card border border-line bg-white p-6 text-center shadow-sm">
      <p className="text-sm font-semibold text-muted">{status}</p>
      <h1 className="mt-1 text-2xl font-bold">{t("error.title")}</h1>
      <p className="mt-2 text-muted">{message}</p>
      <Link to="/" className="mt-4 inline-block font-semibold">{t("error.backHome")}</Link>
    </div>
  );
}
