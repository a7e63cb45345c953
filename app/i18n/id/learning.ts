// My learning (belajar), completion, certificates and their public verification. Values in EYD V.
export const learning = {
};
