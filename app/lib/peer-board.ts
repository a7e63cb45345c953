// The views of the fasilitator's peer-review board (see peerBoard in app/models/peer-admin.server.ts).
// Its own module so the board's browser bundle does not carry the settings' form schemas.
export const BOARD_FILTERS = ["all", "flagged", "owes", "waiting", "notSubmitted"] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];
