// Building blocks for zod schemas shared by browser and server. Messages are catalogue keys
// ("form.required"), translated where they are shown.
import { z } from "zod";
import { isValidTimeZone } from "~/i18n/format";

export const requiredText = (max = 200) =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().min(1, "form.required").max(max, "form.tooLong");

export const optionalText = (max = 200) =>
  z.string({ invalid_type_error: "form.invalidChoice" }).trim().max(max, "form.tooLong").optional();

export const email = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" })
    .trim()
    .max(254, "form.tooLong")
    .email("form.email")
    .transform((v) => v.toLowerCase());

export const timeZone = () =>
  z.string({ required_error: "form.required" }).refine(isValidTimeZone, "form.timeZone");

export const password = () =>
  z.string({ required_error: "form.required" }).min(1, "form.required").max(200, "form.tooLong");

/** A new password: long enough to resist guessing, short enough not to be a denial of service. */
export const newPassword = () =>
  z.string({ required_error: "form.required" }).min(10, "password.tooShort").max(200, "form.tooLong");

export const oneOf = <T extends [string, ...string[]]>(values: T) =>
  z.enum(values, {
    errorMap: (issue) => ({ message: issue.code === "invalid_type" && issue.received === "undefined" ? "form.required" : "form.invalidChoice" }),
  });
