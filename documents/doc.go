// Package documents writes the official documents of a consultation under
// the Hangzhou measures on ecological environment damage compensation
// consultation (杭州市生态环境损害赔偿磋商办法, 2020), in Chinese, and checks
// that each holds the contents the measures require before it is
// rendered.
//
// Each document is a typed value built from a consult.Case and the few
// facts only the official can supply, such as the agency's name and
// address, the evidence and the document number:
//
//   - Notice, the consultation notice (生态环境损害赔偿磋商告知书), Art. 8(3):
//     the parties, the damage found, the last day to answer in writing,
//     how to answer, and that silence counts as refusal. NewNotice.
//   - Opinion, the opinion letter (生态环境损害赔偿意见书), Art. 9 and 10: the
//     seven items of Art. 10(1), the restoration plan, start and deadline
//     when restoration is involved, and the last day to reply.
//     NewOpinion.
//   - MeetingNotice (磋商会议通知), Art. 12 and 15, and Minutes
//     (磋商会议记录), Art. 14: the time, place or online link, host,
//     recorder and invitees; the steps of the meeting in their order, the
//     outcome, and the signatures with the host's note on any refusal.
//     NewMeetingNotice, NewMinutes.
//   - ProxyChecklist (授权委托材料核对清单), Art. 13: the papers the agency
//     must hold before a proxy may act, and what is still missing.
//     NewProxyChecklist.
//   - Agreement (生态环境损害赔偿协议), Art. 18 and 19: the six items of
//     Art. 18(2), the note that the procuratorate and the finance
//     department are informed, and the last day to apply for judicial
//     confirmation. NewAgreement.
//   - Disclosure, the public record of the consultation and the
//     agreement, Art. 26, with a natural person named as 张某 and no
//     identity number, telephone or home address. NewDisclosure.
//   - CooperationRecord, what the obligor did and when, for a court or
//     another agency, Art. 28. NewCooperationRecord.
//
// A New function returns the document, or an error that names every
// missing item with its article: a *rules.IncompleteError, found with
// errors.As, which matches rules.ErrMissingItem with errors.Is. Where a
// rule of package rules decides the contents (rules.Rules.CheckOpinionLetter,
// rules.CheckAgreement, rules.CheckMeetingPlan, rules.CheckMinutes,
// rules.CheckProxy), its missing items join the document's own in that
// one error, and its *rules.Violation errors come through unchanged.
// Deadlines come from package rules, so a document states the same days
// as consult.Engine does under the same rules.
//
// Text and HTML render a Document. Both check it again first and render
// nothing when an item is missing. HTML pages carry a print stylesheet for
// A4 paper after GB/T 9704, the national format of official documents.
// html/template escapes every input string, and the text output drops
// control and format characters. So no input can add markup to the HTML,
// start an unindented line of text or send a terminal escape. Amounts are
// shown in figures and in capital numerals (CapitalAmount), and dates as
// 2026年12月4日 (ChineseDate).
//
// A document about an event not yet recorded, such as a notice to be
// served tomorrow, is drafted by applying the planned event to a copy of
// the case with consult.Engine.Apply, which leaves the original case as
// it was. The package keeps no state: templates are parsed on each call
// from files embedded in the binary.
package documents
