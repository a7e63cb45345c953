import { useRouteLoaderData } from "@remix-run/react";
import { makeT, type Locale, type T } from "./index";

interface RootLocaleData { locale: Locale; viewerTimeZone: string }

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootLocaleData | undefined;
  return data?.locale ?? "id";
}

/** The viewer's own zone (their profile's, else the network's). */
export function useViewerTimeZone(): string {
  const data = useRouteLoaderData("root") as RootLocaleData | undefined;
  return data?.viewerTimeZone ?? "Asia/Jakarta";
}

export function useT(): T {
  return makeT(useLocale());
}
