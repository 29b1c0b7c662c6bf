package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/ecoconsult/ecoconsult/calendar"
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

func readFacts(data []byte) (facts, error) {
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return facts{}, fmt.Errorf("facts: %w", err)
	}
	if err := checkFactDates(raw); err != nil {
		return facts{}, fmt.Errorf("facts: %w", err)
	}
	var f facts
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return facts{}, fmt.Errorf("facts: %w", err)
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

// looksLikeDay reports whether s is written as a day, YYYY-MM-DD.
func looksLikeDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// checkFactDates rejects a day that does not exist, such as 2023-02-30,
// anywhere in a facts file; the date type would move it to the next month.
func checkFactDates(v any) error {
	switch x := v.(type) {
	case string:
		if looksLikeDay(x) {
			if _, err := calendar.ParseDate(x); err != nil {
				return err
			}
		}
	case []any:
		for _, item := range x {
			if err := checkFactDates(item); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, item := range x {
			if err := checkFactDates(item); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	}
	return nil
}
