package documents

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

// A FactsError reports facts in JSON that DecodeFacts rejects. Path names
// the field at fault, such as Agency.Name or Evidence[2], and is empty
// when the fault is the whole value.
type FactsError struct {
	Path string
	Err  error
}

// Error names the field by its path, with the cause.
func (e *FactsError) Error() string {
	if e.Path == "" {
		return "documents: facts: " + e.Err.Error()
	}
	return "documents: facts: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *FactsError) Unwrap() error { return e.Err }

// DecodeFacts decodes data, a JSON object, into facts, a pointer to one of
// this package's Facts types or to a struct of them, as a host reads what
// an official typed.
// Unlike encoding/json it matches field names exactly, so "agency" does
// not fill Agency, and it rejects an unknown field, listing the known
// ones, and a key given twice. A date must be a real day written as
// YYYY-MM-DD, because date.Date's own decoder accepts other forms and
// moves 2023-02-30 to March. The error is a *FactsError, and facts is
// left unchanged on error.
func DecodeFacts(data []byte, facts any) error {
	v := reflect.ValueOf(facts)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return &FactsError{Err: fmt.Errorf("want a pointer to a Facts struct, got %T", facts)}
	}
	t := v.Elem().Type()
	var fields map[string]json.RawMessage
	err := json.Unmarshal(data, &fields)
	if err == nil && fields == nil {
		err = errors.New("it is null")
	}
	if err != nil {
		return &FactsError{Err: fmt.Errorf("not a JSON object with the fields of "+
			"%s: %v", t, err)}
	}
	if err := checkFacts(data, t, ""); err != nil {
		return err
	}
	// checkFacts has decoded every value on its own, so an error here is
	// one it does not foresee.
	decoded := reflect.New(t)
	if err := json.Unmarshal(data, decoded.Interface()); err != nil {
		return &FactsError{Err: err}
	}
	v.Elem().Set(decoded.Elem())
	return nil
}

// checkFacts walks the JSON value raw alongside the Go type t that it will
// be decoded into. It rejects an object key that names no field of the
// struct or that repeats, and decodes each other value on its own so that
// an invalid one is reported with its path. A value of a type that
// decodes itself is decoded whole.
func checkFacts(raw json.RawMessage, t reflect.Type, path string) *FactsError {
	if string(raw) == "null" {
		return nil
	}
	if t == reflect.TypeFor[date.Date]() {
		return checkFactDate(raw, path)
	}
	p := reflect.PointerTo(t)
	if p.Implements(reflect.TypeFor[json.Unmarshaler]()) ||
		p.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return decodeFact(raw, t, path)
	}

	switch t.Kind() {
	case reflect.Pointer:
		return checkFacts(raw, t.Elem(), path)
	case reflect.Struct:
		object, fail := factObject(raw, path)
		if fail != nil {
			return fail
		}
		fields := factFields(t)
		for _, key := range slices.Sorted(maps.Keys(object)) {
			field, ok := fields[key]
			fieldPath := joinFactPath(path, key)
			if !ok {
				return &FactsError{Path: fieldPath, Err: fmt.Errorf("unknown field %q; the "+
					"fields of %s are %s, and names are case-sensitive", fieldPath,
					factStructName(t, path), strings.Join(slices.Sorted(maps.Keys(fields)), ", "))}
			}
			if fail := checkFacts(object[key], field.Type, fieldPath); fail != nil {
				return fail
			}
		}
		return nil
	case reflect.Slice, reflect.Array:
		var elements []json.RawMessage
		if err := json.Unmarshal(raw, &elements); err != nil {
			return &FactsError{Path: path, Err: fmt.Errorf("invalid %s: want a JSON array", path)}
		}
		for i, element := range elements {
			if fail := checkFacts(element, t.Elem(), path+"["+strconv.Itoa(i)+"]"); fail != nil {
				return fail
			}
		}
		return nil
	case reflect.Map:
		object, fail := factObject(raw, path)
		if fail != nil {
			return fail
		}
		for _, key := range slices.Sorted(maps.Keys(object)) {
			elementPath := path + "[" + strconv.Quote(key) + "]"
			if err := decodeFactKey(key, t.Key()); err != nil {
				return &FactsError{Path: elementPath, Err: fmt.Errorf("invalid key %q in %s: %v",
					key, path, err)}
			}
			if fail := checkFacts(object[key], t.Elem(), elementPath); fail != nil {
				return fail
			}
		}
		return nil
	}
	return decodeFact(raw, t, path)
}

// factObject reads the members of the JSON object raw, rejecting a key
// that appears twice: encoding/json would keep the last one silently.
func factObject(raw json.RawMessage, path string) (map[string]json.RawMessage, *FactsError) {
	var object map[string]json.RawMessage
	if err := json.Unmarshal(raw, &object); err != nil || object == nil {
		return nil, &FactsError{Path: path, Err: fmt.Errorf("invalid %s: want a JSON object", path)}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // the opening brace
		return object, nil
	}
	seen := make(map[string]bool, len(object))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, &FactsError{Path: joinFactPath(path, key),
				Err: fmt.Errorf("duplicate key %q: give it once", key)}
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	return object, nil
}

// checkFactDate checks that raw is a real day written as YYYY-MM-DD.
func checkFactDate(raw json.RawMessage, path string) *FactsError {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return &FactsError{Path: path, Err: fmt.Errorf("invalid %s: want a date as a "+
			"string YYYY-MM-DD", path)}
	}
	if s == "" {
		return &FactsError{Path: path, Err: fmt.Errorf("invalid %s: empty; leave the field "+
			"out when there is no day", path)}
	}
	if _, err := calendar.ParseDate(s); err != nil {
		return &FactsError{Path: path, Err: fmt.Errorf("invalid %s: %v", path, err)}
	}
	return nil
}

// decodeFact decodes raw into a new value of type t and reports an error
// with path.
func decodeFact(raw json.RawMessage, t reflect.Type, path string) *FactsError {
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		return &FactsError{Path: path, Err: fmt.Errorf("invalid %s: %v", path, err)}
	}
	return nil
}

// decodeFactKey checks that key decodes as a map key of type t, as
// encoding/json decodes it: a string, a TextUnmarshaler or an integer.
func decodeFactKey(key string, t reflect.Type) error {
	quoted, err := json.Marshal(key)
	if err != nil {
		return err
	}
	wrapped := append(append([]byte(`{`), quoted...), `:null}`...)
	return json.Unmarshal(wrapped, reflect.New(reflect.MapOf(t, reflect.TypeFor[any]())).Interface())
}

// factFields returns the fields of struct type t by the names
// encoding/json gives them: the name in a json tag, or else the Go name.
// The Facts types and the types of their fields embed no struct, so the
// rules of encoding/json for clashing embedded fields are not needed.
func factFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fields[name] = f
	}
	return fields
}

func joinFactPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// factStructName names the struct at path for an error message: the
// facts themselves, or the field that holds the struct.
func factStructName(t reflect.Type, path string) string {
	if path == "" {
		return t.String()
	}
	return path
}
