// The demo accounts named in the README and shown on the login page while demo data is in use.
export const DEMO_PASSWORD = "sinergi-demo";

export const DEMO_ACCOUNTS = [
  { email: "koordinator@sinergi.test", roleKey: "demo.koordinator" },
  { email: "pimpinan@sinergi.test", roleKey: "demo.pimpinan" },
  { email: "admin.dinkes@sinergi.test", roleKey: "demo.adminDinkes" },
  { email: "rina@sinergi.test", roleKey: "demo.rina" },
  { email: "fasilitator@sinergi.test", roleKey: "demo.fasilitator" },
] as const;
