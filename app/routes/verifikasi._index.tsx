// Public: check a certificate by its code. No sign-in; the form redirects to /verifikasi/<code>,
// where the lookup (rate-limited) happens.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VerifyForm, verifySchema } from "~/components/training/learning-verify-form";
import { Card, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatCertificateCode, normaliseCertificateCode } from "~/lib/certificate-code";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("certificate.verify.title")} — Sinergi` }];
};

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: verifySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const code = normaliseCertificateCode(submission.value.code)!;
  return redirect(`/verifikasi/${formatCertificateCode(code)}`);
}

export default function Verify() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("certificate.verify.title")} description={t("certificate.verify.lead")} />
      <Card>
        <VerifyForm lastResult={lastResult} autoFocus />
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
