import { renderToString } from "react-dom/server";
import { UNSAFE_DataRouterStateContext } from "react-router";
import { describe, expect, it } from "vitest";
import { usePeerStatusText, type PeerStatusView } from "./peer-results";

function Status({ s }: { s: PeerStatusView }) {
  return <p>{usePeerStatusText()(s)}</p>;
}
const say = (s: Partial<PeerStatusView>) => {
  const state = { loaderData: { root: { locale: "id", viewerTimeZone: "Asia/Makassar" } } } as never;
  const view: PeerStatusView = { state: "waiting", owed: 2, done: 2, received: 0, expected: 2, reviewsDueAt: "2026-11-30T08:00:00.000Z", ...s };
  return renderToString(<UNSAFE_DataRouterStateContext.Provider value={state}><Status s={view} /></UNSAFE_DataRouterStateContext.Provider>).replace(/<!-- -->/g, "");
};

describe("the author's peer-review status", () => {
  it("says how many reviews are in while waiting, with the deadline in the viewer's zone", () => {
    expect(say({ received: 1 })).toContain("Sudah masuk 1 dari 2 ulasan.");
    expect(say({ received: 1 })).toContain("16.00 WITA");
  });

  it("says the reviewers are not assigned yet instead of '0 of 0 reviews' before allocation", () => {
    const text = say({ expected: 0, owed: 0, done: 0 });
    expect(text).toContain("belum mendapat peninjau");
    expect(text).not.toContain("0 dari 0");
  });
});
