// Limits of the author's answers to peer review, shared by the form and the model.
export const MAX_REPLY = 300; // characters of a reply to one comment
export const HELPFULNESS_MIN = 1;
export const HELPFULNESS_MAX = 5;
