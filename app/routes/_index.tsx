import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name };
}

export default function Home() {
  const { name } = useLoaderData<typeof loader>();
  const t = useT();
  return <PageHeader title={t("home.welcome", { name })} />;
}
