// "Rekam jejak saya": the signed-in person's own record (the year asked for, if any, carried along).
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const year = new URL(request.url).searchParams.get("tahun");
  return redirect(`/laporan/petugas/${user.id}${year ? `?tahun=${encodeURIComponent(year.slice(0, 20))}` : ""}`);
}
