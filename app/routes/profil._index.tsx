// The person's own profile: correct their details, choose zone and language, and reach their
// security page, data export and account removal.
//
// The NIP is never rendered back in full. The input starts empty with a hint showing the masked
// stored NIP ("••••••••••••••0007"); empty means "keep it", a new 18-digit value replaces it, and a
// checkbox clears it. Pre-filling the input would put the full NIP (birth date, gender) into every
// copy of this page — browser cache, screenshots, shoulder-surfing. After a refused submission the
// form does show what the person has just typed, as with every other field: that is their input, in
// the answer to their own request, not the stored value.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/form";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { FUNCTIONAL_LEVEL_KEYS, PROFILE_ZONES, profileSchema } from "~/lib/profile";
import { getOwnProfile, updateProfile } from "~/models/profile.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("profile.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await getOwnProfile(db, user.id);
  if (!profile) notFound();
  return { profile, networkRoles: user.networkRoles };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateProfile(db, user.id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.error] } }), { status: 400 });
  const locale = submission.value.locale === "en" ? "en" : "id";
  return redirectWithFlash("/profil", { tone: "success", key: "profile.saved" }, {
    // Signed-out pages (the login page after sign-out) follow the same language.
    headers: { "Set-Cookie": `sinergi_lang=${locale}; Path=/; SameSite=Lax; Max-Age=31536000` },
  });
}

export default function Profile() {
  const { profile, networkRoles } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: {
      name: profile.name,
      position: profile.position ?? "",
      functionalLevel: profile.functional_level ?? "",
      phone: profile.phone ?? "",
      nip: "",
      timeZone: profile.time_zone,
      locale: profile.locale,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const roles = [
    ...(profile.agency_role ? [profile.agency_role === "admin" ? t("role.agencyAdmin") : t("role.member")] : []),
    ...networkRoles.map((r) => t(`role.${r}`)),
  ];
  return (
    <div>
      <PageHeader title={t("profile.title")} description={t("profile.intro")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card aria-labelledby="profile-edit">
          <h2 id="profile-edit" className="mb-4 text-xl font-bold">{t("profile.edit")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label={t("profile.name")} field={fields.name} inputProps={{ autoComplete: "name" }} />
            <Field label={t("profile.position")} field={fields.position} optional inputProps={{ autoComplete: "organization-title" }} />
            <Field
              label={t("profile.functionalLevel")}
              field={fields.functionalLevel}
              optional
              hint={t("profile.functionalLevelHint")}
              inputProps={{ list: "functional-levels", autoComplete: "off" }}
            />
            <datalist id="functional-levels">
              {FUNCTIONAL_LEVEL_KEYS.map((k) => (
                <option key={k} value={t(k)} />
              ))}
            </datalist>
            <Field label={t("profile.phone")} field={fields.phone} type="tel" optional inputProps={{ autoComplete: "tel", inputMode: "tel" }} />
            <div className="mb-4 rounded-control border border-line bg-surface px-3 pt-3 sm:px-4 sm:pt-4">
              <Field
                label={t("profile.nip")}
                field={fields.nip}
                optional
                className={profile.hasNip ? "!mb-2" : ""}
                hint={profile.hasNip ? t("profile.nipStored", { nip: profile.nipMasked }) : t("profile.nipHint")}
                inputProps={{ inputMode: "numeric", autoComplete: "off", maxLength: 40, spellCheck: false }}
              />
              {profile.hasNip ? <CheckboxField label={t("profile.nipRemove")} field={fields.removeNip} /> : null}
            </div>
            <div className="grid gap-x-4 sm:grid-cols-2">
              <SelectField
                label={t("profile.timeZone")}
                field={fields.timeZone}
                hint={t("profile.timeZoneHint")}
                options={PROFILE_ZONES.map((tz) => ({ value: tz, label: t(`tz.${tz}`) }))}
              />
              <SelectField
                label={t("profile.locale")}
                field={fields.locale}
                hint={t("profile.localeHint")}
                options={[{ value: "id", label: t("locale.id") }, { value: "en", label: t("locale.en") }]}
              />
            </div>
            <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>{t("profile.submit")}</Button>
          </Form>
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="profile-account">
            <h2 id="profile-account" className="mb-3 text-lg font-bold">{t("profile.account")}</h2>
            <dl className="space-y-3">
              <div>
                <dt className="text-sm font-semibold text-muted">{t("profile.email")}</dt>
                <dd className="break-all font-medium">{profile.email}</dd>
                <dd className="text-sm text-muted">{t("profile.emailNote")}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">{t("profile.agency")}</dt>
                <dd>
                  {profile.agency_id ? <Link to={`/instansi/${profile.agency_id}`}>{profile.agency_name}</Link> : t("profile.noAgency")}
                </dd>
              </div>
              {roles.length ? (
                <div>
                  <dt className="text-sm font-semibold text-muted">{t("profile.role")}</dt>
                  <dd>{roles.join(", ")}</dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <Card aria-labelledby="profile-security">
            <h2 id="profile-security" className="mb-1 text-lg font-bold">{t("profile.security.title")}</h2>
            <p className="mb-3 text-muted">{t("profile.security.body")}</p>
            <ButtonLink to="/profil/keamanan" className="w-full">{t("profile.security.link")}</ButtonLink>
          </Card>
          <Card aria-labelledby="profile-data">
            <h2 id="profile-data" className="mb-1 text-lg font-bold">{t("profile.data.title")}</h2>
            <p className="mb-3 text-muted">{t("profile.data.body")}</p>
            <div className="flex flex-col gap-2">
              {/* A plain link: the export is a file download, not a page. */}
              <a href="/profil/data.json" download="data-saya-sinergi.json" className={buttonClass("secondary", "w-full")}>
                {t("profile.data.download")}
              </a>
              <ButtonLink to="/profil/hapus" variant="ghost" className="w-full text-danger-700 hover:bg-danger-50">
                {t("profile.data.remove")}
              </ButtonLink>
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
