// The translation catalogue: one file per domain under id/ and en/, merged here. The Indonesian
// catalogue defines the keys; TypeScript refuses an English catalogue with a key missing.
import { common as idCommon } from "./id/common";
import { auth as idAuth } from "./id/auth";
import { account as idAccount } from "./id/account";
import { agency as idAgency } from "./id/agency";
import { member as idMember } from "./id/member";
import { profile as idProfile } from "./id/profile";
import { notification as idNotification } from "./id/notification";
import { invitation as idInvitation } from "./id/invitation";
import { meeting as idMeeting } from "./id/meeting";
import { minutes as idMinutes } from "./id/minutes";
import { module as idModule } from "./id/module";
import { assignment as idAssignment } from "./id/assignment";
import { submission as idSubmission } from "./id/submission";
import { learning as idLearning } from "./id/learning";
import { review as idReview } from "./id/review";
import { report as idReport } from "./id/report";
import { record as idRecord } from "./id/record";
import { reportChart as idReportChart } from "./id/report-chart";
import { reportExport as idReportExport } from "./id/report-export";
import { common as enCommon } from "./en/common";
import { auth as enAuth } from "./en/auth";
import { account as enAccount } from "./en/account";
import { agency as enAgency } from "./en/agency";
import { member as enMember } from "./en/member";
import { profile as enProfile } from "./en/profile";
import { notification as enNotification } from "./en/notification";
import { invitation as enInvitation } from "./en/invitation";
import { meeting as enMeeting } from "./en/meeting";
import { minutes as enMinutes } from "./en/minutes";
import { module as enModule } from "./en/module";
import { assignment as enAssignment } from "./en/assignment";
import { submission as enSubmission } from "./en/submission";
import { learning as enLearning } from "./en/learning";
import { review as enReview } from "./en/review";
import { report as enReport } from "./en/report";
import { record as enRecord } from "./en/record";
import { reportChart as enReportChart } from "./en/report-chart";
import { reportExport as enReportExport } from "./en/report-export";

export const id = {
  ...idCommon, ...idAuth, ...idAccount, ...idAgency, ...idMember, ...idProfile, ...idNotification, ...idInvitation, ...idMeeting, ...idMinutes,
  ...idModule, ...idAssignment, ...idSubmission, ...idLearning, ...idReview, ...idReport, ...idRecord, ...idReportChart, ...idReportExport,
};
export type MessageKey = keyof typeof id;
export const en: Record<MessageKey, string> = {
  ...enCommon, ...enAuth, ...enAccount, ...enAgency, ...enMember, ...enProfile, ...enNotification, ...enInvitation, ...enMeeting, ...enMinutes,
  ...enModule, ...enAssignment, ...enSubmission, ...enLearning, ...enReview, ...enReport, ...enRecord, ...enReportChart, ...enReportExport,
};
