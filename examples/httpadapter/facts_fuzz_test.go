package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ecoconsult/ecoconsult/consult"
)

// FuzzDocumentFacts feeds arbitrary request bodies to the facts decoder
// of every document. It must not panic, and facts it accepts must build a
// document, or fail with an error, on the real case.
func FuzzDocumentFacts(f *testing.F) {
	data, err := os.ReadFile(fireFacts)
	if err != nil {
		f.Fatal(err)
	}

	var sections map[string]json.RawMessage
	if err := json.Unmarshal(data, &sections); err != nil {
		f.Fatal(err)
	}
	for _, section := range sections {
		f.Add([]byte(section))
	}
	for _, s := range []string{`{}`, `null`, `[]`, `{"Agency":{"Name":1}}`,
		`{"Date":"2024-02-30"}`, `{"Attendees":[{"Role":"chair"}]}`, `{"Act":5}`} {
		f.Add([]byte(s))
	}

	caseData, err := os.ReadFile(fireCase)
	if err != nil {
		f.Fatal(err)
	}
	g := consult.Default()
	c, err := g.DecodeCase(caseData)
	if err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, body []byte) {
		for _, kind := range documentKinds {
			build, fail := kind.decode(body)
			if fail != nil {
				if fail.status == 0 || fail.body.Error == "" {
					t.Fatalf("%s: rejected %q with no status or message", kind.name, body)
				}
				continue
			}
			if _, err := build(g.Rules(), c); err != nil && err.Error() == "" {
				t.Fatalf("%s: build failed with an empty error", kind.name)
			}
		}
	})
}
