// Modules, lessons, video progress, cohorts and enrolment (pelatihan). Values in EYD V.
export const module = {
};
