// Peer review (silang baca): settings, allocation board, reviewing, calibration, results, revision round. Values in EYD V.
export const review = {
};
