package consult

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"
)

// The functions below split JSON that json.Valid has accepted into its
// parts without decoding the parts, which json.Decoder's Token method
// does at a far higher cost. On input that is not valid they return
// errMalformed or stop early, and never read out of bounds.

// errMalformed reports input that the scanner cannot split. The decoders
// check validity first, so it surfaces only when a caller did not.
var errMalformed = errors.New("malformed JSON")

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the index just past the JSON string that starts at
// data[i], a quote.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++ // the escaped byte cannot end the string
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// valueEnd returns the index just past the JSON value that starts at
// data[i].
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return i
	}
	switch data[i] {
	case '"':
		return stringEnd(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = stringEnd(data, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}
	j := i // a number, true, false or null
	for j < len(data) && strings.IndexByte(" \t\n\r,]}", data[j]) < 0 {
		j++
	}
	return j
}

// scanMembers splits the JSON object data into its members in document
// order, with each value as a slice of data. It keeps a repeated key, so
// the caller can reject it.
func scanMembers(data []byte) ([]member, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, errMalformed
	}
	// Room for the keys of a typical event, so the slice seldom grows.
	members := make([]member, 0, 8)
	i = skipSpace(data, i+1)
	for i < len(data) && data[i] != '}' {
		if data[i] != '"' {
			return nil, errMalformed
		}
		end := stringEnd(data, i)
		key, err := unquoteKey(data[i:end])
		if err != nil {
			return nil, err
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, errMalformed
		}
		i = skipSpace(data, i+1)
		vend := valueEnd(data, i)
		if vend == i {
			return nil, errMalformed
		}
		members = append(members, member{key: key, value: json.RawMessage(data[i:vend])})
		i = skipSpace(data, vend)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if i >= len(data) {
		return nil, errMalformed
	}
	return members, nil
}

// scanItems splits the JSON array data into its items, each a slice of
// data.
func scanItems(data []byte) ([]json.RawMessage, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return nil, errMalformed
	}
	var items []json.RawMessage
	i = skipSpace(data, i+1)
	for i < len(data) && data[i] != ']' {
		end := valueEnd(data, i)
		if end == i {
			return nil, errMalformed
		}
		items = append(items, json.RawMessage(data[i:end]))
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if i >= len(data) {
		return nil, errMalformed
	}
	return items, nil
}

// unquoteKey returns the text of the JSON string quoted, a key. Only a
// key with an escape or an invalid byte needs the full decoder, which
// rewrites them.
func unquoteKey(quoted []byte) (string, error) {
	if len(quoted) < 2 || quoted[len(quoted)-1] != '"' {
		return "", errMalformed
	}
	if inner := quoted[1 : len(quoted)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), nil
	}
	var key string
	if err := json.Unmarshal(quoted, &key); err != nil {
		return "", errMalformed
	}
	return key, nil
}
