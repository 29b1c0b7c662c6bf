// Package consult runs one consultation of the Hangzhou measures on
// ecological environment damage compensation consultation as a typed,
// immutable case that moves only by events.
//
// A host stores a case as its event log (Log, in JSON) and rebuilds it with
// Engine.Replay. Engine.Apply checks each new event against the procedure
// and returns the next Case, or an *EventError citing the provision the
// event breaks; the case it was given never changes. Events out of date
// order, events in a stage where they cannot happen, events from an actor
// without standing (a proxy outside its power of attorney or period, the
// obligor recording the agency's acts) and events with missing fields are
// rejected.
//
// Time moves a case too. Engine.At gives the case as of a day, with
// silence past a deadline turned into its consequence: refusal of the
// notice (Art. 8(3)), termination for no reply to the opinion letter
// (Art. 17(1)(2)), and a duty to apply for enforcement when a step of a
// confirmed agreement is overdue (Art. 22). Engine.Agenda lists what is
// open on a day: who must act, what, by when or "promptly", under which
// article, and the options a party may use, such as judicial confirmation.
// Engine.Project lays out the rest of the road.
//
// The procedure itself is data: Transitions returns the table of stage
// and event to next stage, each entry with its article, which Apply uses
// and which Graphviz and Mermaid draw. Every decision comes from package
// rules and every date from package calendar; this package only keeps
// the state.
//
// Who may record which event (Header.Actor; the JSON names in brackets):
//
//   - the assessment institution ("institution") or the expert panel
//     ("expert_panel"): assessment_issued, matching its route;
//   - the obligor ("obligor"), or a proxy ("proxy", named in Header.Proxy
//     and acting within its power of attorney): notice_replied,
//     opinion_replied, assessment_objected;
//   - the obligor alone: proxy_authorized, obligor_reneged,
//     performance_done;
//   - the agency, the obligor or a proxy: agreement_signed,
//     confirmation_applied;
//   - the court ("court"): confirmation_decided;
//   - the agency, the obligor, a proxy or the procuratorate
//     ("procuratorate"): evidence_preserved;
//   - the agency ("agency"): every other event, meetings included, since
//     the agency keeps their record.
//
// One consultation has one obligor. An incident with several obligors is
// several consultations that share a case number.
package consult
