import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/.server/auth.server";

export const loader = () => redirect("/");
export const action = ({ request }: ActionFunctionArgs) => signOut(request);
