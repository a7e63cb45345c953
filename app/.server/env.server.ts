// Environment, validated once at boot. A wrong value stops the server with a readable message.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("file:data/sinergi.db"),
  UPLOAD_DIR: z.string().default("data/uploads"),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Sinergi <no-reply@sinergi.test>"),
  MUX_DATA_ENV_KEY: z.string().optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SESSION_INACTIVITY_DAYS: z.coerce.number().positive().default(10),
  RATE_LIMIT_FACTOR: z.coerce.number().positive().default(1),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Konfigurasi lingkungan tidak valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
export const cookieSecure = () => (env().COOKIE_SECURE ? env().COOKIE_SECURE === "true" : isProduction());
