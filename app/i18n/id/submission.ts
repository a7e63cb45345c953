// Trainees' submissions: the release editor and its pre-checks, uploads, versions. Values in EYD V.
export const submission = {
};
