package consult

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decoderMembers splits a JSON object with json.Decoder, the slow way
// that scanMembers replaces, for comparison.
func decoderMembers(data []byte) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var members []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		members = append(members, member{key: key, value: value})
	}
	return members, true
}

// FuzzScan checks that the scanner never panics, and that on valid JSON
// objects it finds the same keys and values as json.Decoder.
func FuzzScan(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":1,"b":[1,{"c":"}"}],"d":"\"x\\"}`,
		`{"\u0061":true,"a":null}`, ` { "k" : [ ] , "m" : { } } `, `{"a":`, `[1,`, `{"a" 1}`,
		`"str"`, `{"a":"\\"}`, `{"a":1}x`, `[{"a":1,"a":2}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		members, err := scanMembers(data)
		items, _ := scanItems(data)
		_, _, _ = firstDuplicate(data)
		if !json.Valid(data) {
			return
		}
		if want, ok := decoderMembers(data); ok {
			if err != nil {
				t.Fatalf("scanMembers(%q): %v, want %d members", data, err, len(want))
			}
			compact := func(ms []member) []member {
				out := make([]member, len(ms))
				for i, m := range ms {
					var b bytes.Buffer
					if err := json.Compact(&b, m.value); err != nil {
						t.Fatalf("member %q of %q is not valid JSON: %v", m.key, data, err)
					}
					out[i] = member{key: m.key, value: b.Bytes()}
				}
				return out
			}
			if diff := cmp.Diff(compact(want), compact(members), cmp.AllowUnexported(member{})); diff != "" {
				t.Fatalf("scanMembers(%q) differs from json.Decoder (-decoder +scan):\n%s", data, diff)
			}
		}
		var want []json.RawMessage
		if json.Unmarshal(data, &want) == nil && len(want) != len(items) {
			t.Fatalf("scanItems(%q) found %d items, want %d", data, len(items), len(want))
		}
	})
}
