// The lesson create/edit form: title, Tiptap content, the video (none, a link, or an uploaded file)
// and PDF attachments. Multipart, works without JavaScript; a refused file keeps what was typed.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/form";
import { RichTextEditor } from "~/components/rich-text/editor";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { lessonSchema, VIDEO_ACCEPT, VIDEO_CHOICES } from "~/lib/module";

export interface LessonFormDefaults { title: string; content: string; video: string; videoUrl: string }

const control = "block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base";

export function LessonForm({ lastResult, fileErrors, defaults, hasUpload, cancelTo, submitLabel }: {
  lastResult?: SubmissionResult<string[]> | null;
  fileErrors?: { name: string; error: string }[];
  defaults?: LessonFormDefaults;
  hasUpload?: boolean;
  cancelTo: string;
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults ?? { video: "none" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lessonSchema }),
  });
  const videoFileErrors = (lastResult?.error?.videoFile as string[] | undefined) ?? null;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {fileErrors?.length ? (
        <Notice tone="danger">
          <ul>
            {fileErrors.map((f) => (
              <li key={f.name + f.error}>{t("module.attachment.error", { name: f.name, error: t(f.error) })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Field label={t("module.lesson.field.title")} field={fields.title} />
      <RichTextEditor
        key={lastResult ? "typed" : "initial"}
        name={fields.content.name}
        id={fields.content.id}
        label={t("module.lesson.field.content")}
        optional
        defaultValue={(fields.content.initialValue as string | undefined) ?? defaults?.content ?? ""}
        errors={fields.content.errors}
        errorId={fields.content.errorId}
        rows={10}
      />
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">{t("module.lesson.field.video")}</legend>
        {VIDEO_CHOICES.map((c) => (
          <label key={c} className="flex min-h-11 items-center gap-3">
            <input {...getInputProps(fields.video, { type: "radio", value: c })} key={c} className="size-5 accent-brand-700" />
            <span>{t(`module.lesson.video.${c}`)}</span>
          </label>
        ))}
        <ErrorList id={fields.video.errorId} errors={fields.video.errors} />
      </fieldset>
      <Field label={t("module.lesson.field.videoUrl")} field={fields.videoUrl} type="url" optional hint={t("module.lesson.field.videoUrlHint")} inputProps={{ inputMode: "url" }} />
      <div className="mb-4">
        <label htmlFor="lesson-video-file" className="mb-1 block font-semibold">{t("module.lesson.field.videoFile")}</label>
        <p id="lesson-video-hint" className="mb-1 text-sm text-muted">
          {t("module.lesson.field.videoFileHint")} {hasUpload ? t("module.lesson.video.keepUpload") : null}
        </p>
        <input id="lesson-video-file" name="videoFile" type="file" accept={VIDEO_ACCEPT} aria-describedby="lesson-video-hint" aria-invalid={videoFileErrors?.length ? true : undefined} className={control} />
        <ErrorList errors={videoFileErrors} />
      </div>
      <div className="mb-4">
        <label htmlFor="lesson-attachments" className="mb-1 block font-semibold">
          {t("module.lesson.field.attachments")} <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span>
        </label>
        <p id="lesson-attachments-hint" className="mb-1 text-sm text-muted">{t("module.lesson.field.attachmentsHint")}</p>
        <input id="lesson-attachments" name="attachments" type="file" multiple accept=".pdf,application/pdf" aria-describedby="lesson-attachments-hint" className={control} />
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link to={cancelTo} className="inline-flex min-h-11 items-center justify-center px-4 font-semibold">{t("action.cancel")}</Link>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
