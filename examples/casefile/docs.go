package main

import (
	"fmt"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
)

// facts is a facts file: for each document, the parts only the official
// supplies, in the fields of the documents package's Facts types.
type facts struct {
	Notice        *documents.NoticeFacts        `json:"notice"`
	Opinion       *documents.OpinionFacts       `json:"opinion"`
	MeetingNotice *documents.MeetingNoticeFacts `json:"meeting_notice"`
	Minutes       *documents.MinutesFacts       `json:"minutes"`
	Proxy         *documents.ProxyFacts         `json:"proxy_checklist"`
	Agreement     *documents.AgreementFacts     `json:"agreement"`
	Disclosure    *documents.DisclosureFacts    `json:"disclosure"`
	Cooperation   *documents.CooperationFacts   `json:"cooperation"`
}

// docNames lists the names -doc takes, as in a facts file.
const docNames = "notice, opinion, meeting_notice, minutes, proxy_checklist, " +
	"agreement, disclosure, cooperation"

// readFacts reads a facts file strictly, as documents.DecodeFacts reads
// each section: exact names, no repeated keys, days as YYYY-MM-DD.
func readFacts(data []byte) (facts, error) {
	var f facts
	if err := documents.DecodeFacts(data, &f); err != nil {
		return facts{}, err
	}
	return f, nil
}

// buildDocument makes the named document of case c from the facts.
func buildDocument(r rules.Rules, c consult.Case, name string, f facts) (documents.Document, error) {
	types := map[string]string{"notice": "NoticeFacts", "opinion": "OpinionFacts",
		"meeting_notice": "MeetingNoticeFacts", "minutes": "MinutesFacts",
		"proxy_checklist": "ProxyFacts", "agreement": "AgreementFacts",
		"disclosure": "DisclosureFacts", "cooperation": "CooperationFacts"}
	missing := fmt.Errorf("the facts file has no %q section; add one with the "+
		"fields of documents.%s (go doc ./documents %s)", name, types[name], types[name])
	switch name {
	case "notice":
		if f.Notice == nil {
			return nil, missing
		}
		return documents.NewNotice(r, c, *f.Notice)
	case "opinion":
		if f.Opinion == nil {
			return nil, missing
		}
		return documents.NewOpinion(r, c, *f.Opinion)
	case "meeting_notice":
		if f.MeetingNotice == nil {
			return nil, missing
		}
		return documents.NewMeetingNotice(c, *f.MeetingNotice)
	case "minutes":
		if f.Minutes == nil {
			return nil, missing
		}
		return documents.NewMinutes(c, *f.Minutes)
	case "proxy_checklist":
		if f.Proxy == nil {
			return nil, missing
		}
		return documents.NewProxyChecklist(c, *f.Proxy)
	case "agreement":
		if f.Agreement == nil {
			return nil, missing
		}
		return documents.NewAgreement(r, c, *f.Agreement)
	case "disclosure":
		if f.Disclosure == nil {
			return nil, missing
		}
		return documents.NewDisclosure(c, *f.Disclosure)
	case "cooperation":
		if f.Cooperation == nil {
			return nil, missing
		}
		return documents.NewCooperationRecord(r, c, *f.Cooperation)
	}
	return nil, fmt.Errorf("unknown document %q: want one of %s", name, docNames)
}
