import type { auth as id } from "../id/auth";

export const auth: Record<keyof typeof id, string> = {
  "login.title": "Sign in to Sinergi",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.forgot": "Forgot your password?",
  "login.signup": "No account yet? Sign up with your agency e-mail",
  "login.invalid": "Wrong e-mail or password.",
  "login.deactivated": "This account has been deactivated. Contact your agency admin.",
  "login.pending": "Your account is still waiting for your agency admin's approval.",
  "login.demoTitle": "Demo accounts",
  "login.demoHint": "Every demo account uses the password {password}.",
  "login.signedOut": "You have signed out.",
  "demo.koordinator": "Network secretariat/coordinator",
  "demo.pimpinan": "Chair (reads everything)",
  "demo.adminDinkes": "Agency admin, Dinas Kesehatan",
  "demo.rina": "Participant (Dinas Kesehatan)",
  "demo.fasilitator": "Facilitator",
  "password.tooShort": "A password needs at least 10 characters.",
};
