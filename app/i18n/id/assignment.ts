// Assignments, deadlines and extensions, rubrics (library and editor), fasilitator grading. Values in EYD V.
export const assignment = {
};
