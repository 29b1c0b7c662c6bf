// Package rules decides, article by article, what the Hangzhou measures on
// ecological environment damage compensation consultation
// (杭州市生态环境损害赔偿磋商办法, 2020) require. Each decision is a pure
// function over plain typed facts and says which provision decided it, as
// a Citation that prints in English (Art. 17(1)(5)) and in Chinese
// (第十七条第一款第五项).
//
// The numbers of the measures (5 and 7 working days, the 7-working-day gap
// between meetings, 2 or 3 meetings, 30 days) live in one Params value;
// Hangzhou2020 is the default set. Rules binds a Params to a working-day
// calendar (package calendar), and the deadlines it computes follow the
// counting rules of Chinese law described there.
//
// Breaking a mandatory limit is an error: a *Violation that carries the
// citation, or an *IncompleteError listing the missing contents of a
// document. Departing from a default ("generally", "in principle") is a
// Warning with the recorded reason.
//
// The articles, and the functions that decide them:
//
//   - Art. 2, scope: ResolveDistrict, DistrictsOn, HangzhouRedistricting.
//   - Art. 3, when consultation is required: ConsultationRequired.
//   - Art. 8, investigation, assessment and notice: InvestigationDuty,
//     ProcuratorateNotice,
//     Rules.CheckExpertRoute, Rules.NoticeReplyDeadline, Rules.NoticeOutcome.
//   - Art. 9, the basis of the opinion letter: CheckOpinionLetterBasis.
//   - Art. 10, the opinion letter: Rules.CheckOpinionLetter,
//     Rules.OpinionReplyDeadline, Rules.OpinionOutcome, Rules.InTime.
//   - Art. 11, signing after acceptance: Rules.SigningDeadline.
//   - Art. 12, organizing a meeting: CheckMeetingPlan.
//   - Art. 13, proxies: CheckProxy.
//   - Art. 14, the order of a meeting: MeetingSteps, CheckMinutes.
//   - Art. 15, further meetings: Designate, Rules.MaxRounds, Rules.NextRound.
//   - Art. 16, objections to the assessment: CheckObjection,
//     ObjectionResponses, DecideObjection.
//   - Art. 17, not starting or terminating: Rules.TerminationGrounds.
//   - Art. 18, the agreement: CheckAgreement, AgreementNotices.
//   - Art. 19, judicial confirmation: Rules.ConfirmationDeadline.
//   - Art. 20 and 22, going to court: CourtDuty.
//   - Art. 21, performance: PerformanceDue.
//   - Art. 23, evidence preservation: CheckPreservation.
//   - Art. 24, halting consultation: Halt.
//   - Art. 26, disclosure: PublicationDuty, MaskForPublication, MaskName.
//   - Art. 28, the cooperation record: MayReportCooperation.
//   - Art. 29, higher-level rules prevail, so the numbers are a value:
//     Params, Hangzhou2020.
//
// Articles 1 and 4 to 7 state purpose, principles and parties; 25 and 27
// concern staff discipline and the procuratorate's support; 30 is the date
// of effect. They set no decision that facts of a case could decide.
package rules
