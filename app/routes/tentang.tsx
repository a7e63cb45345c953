// A public page about Sinergi. It touches no database (the network profile is cached), so the
// benchmark uses it as the framework's floor.
import { useRouteLoaderData } from "@remix-run/react";
import type { MetaFunction } from "@remix-run/node";
import { ButtonLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Table, Td, Th } from "~/components/ui/table";
import { useT } from "~/i18n/react";
import type { RootData } from "~/root";

export const meta: MetaFunction = () => [{ title: "Tentang — Sinergi" }];

const rows = ["row1", "row2", "row3", "row4"] as const;

export default function About() {
  const t = useT();
  const root = useRouteLoaderData<RootData>("root");
  return (
    <>
      <PageHeader title={t("about.title")} description={t("about.lead")} actions={root?.user ? null : <ButtonLink to="/login" variant="primary">{t("about.signIn")}</ButtonLink>} />
      <Card>
        <Table caption={t("about.tableCaption")} head={<><Th>{t("about.colWork")}</Th><Th>{t("about.colWho")}</Th><Th>{t("about.colResult")}</Th></>}>
          {rows.map((r) => (
            <tr key={r}>
              <Td className="font-semibold">{t(`about.${r}.work`)}</Td>
              <Td>{t(`about.${r}.who`)}</Td>
              <Td>{t(`about.${r}.result`)}</Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
