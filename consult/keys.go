package consult

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

// A member is one key of a JSON object with its value.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers splits the JSON object data into its members in document
// order. It keeps a repeated key, so the caller can reject it. data must
// be valid JSON that starts with '{'.
func objectMembers(data []byte) ([]member, error) {
	if jsonKind(data) != '{' {
		return nil, fmt.Errorf("found %s, want an object", describeJSON(data))
	}
	return scanMembers(data)
}

// findMember returns the value of the last member named key.
func findMember(members []member, key string) (json.RawMessage, bool) {
	for i := len(members) - 1; i >= 0; i-- {
		if members[i].key == key {
			return members[i].value, true
		}
	}
	return nil, false
}

// firstDuplicate returns the first key that repeats within one object of
// data, at any depth, with its JSON path, such as "steps[1].due". Keys
// are compared after unescaping, as encoding/json compares them, so "a"
// and "\u0061" are the same key. data must be valid JSON. Each object is
// checked before the values inside it.
func firstDuplicate(data []byte) (path, key string, found bool) {
	return duplicateIn(data, "")
}

// duplicateAmong is firstDuplicate for the object at path whose members
// the caller has already split.
func duplicateAmong(members []member, path string) (string, string, bool) {
	if key, found := repeatedKey(members); found {
		return joinPath(path, key), key, true
	}
	for _, m := range members {
		if k := jsonKind(m.value); k != '{' && k != '[' {
			continue // a scalar holds no key
		}
		if p, key, found := duplicateIn(m.value, joinPath(path, m.key)); found {
			return p, key, true
		}
	}
	return "", "", false
}

// duplicateIn is firstDuplicate for the value data at path.
func duplicateIn(data []byte, path string) (string, string, bool) {
	switch jsonKind(data) {
	case '{':
		members, err := scanMembers(data)
		if err != nil {
			return "", "", false
		}
		return duplicateAmong(members, path)
	case '[':
		items, err := scanItems(data)
		if err != nil {
			return "", "", false
		}
		for i, item := range items {
			if k := jsonKind(item); k != '{' && k != '[' {
				continue
			}
			if p, key, found := duplicateIn(item, path+"["+strconv.Itoa(i)+"]"); found {
				return p, key, true
			}
		}
	}
	return "", "", false
}

// eventIndexAt returns the index of the event of a log or case whose
// JSON contains the syntax error of data, or -1 when the error lies
// outside every event. It walks data token by token and stops at the
// first token that encoding/json rejects.
func eventIndexAt(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	depth := 0
	inEvents := false // the walk is inside the top-level "events" array
	event := -1
	lastKey := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			// An error inside an event object is one level below the array.
			if inEvents && depth > 2 {
				return event
			}
			return -1
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if inEvents && depth == 2 {
				event++
			}
			if depth == 1 && lastKey == "events" && tok == json.Delim('[') {
				inEvents = true
			}
			depth++
			lastKey = ""
			continue
		case json.Delim('}'), json.Delim(']'):
			depth--
			if depth == 1 {
				inEvents = false
			}
			continue
		}
		if inEvents && depth == 2 {
			event++ // an event that is not an object
		}
		if s, ok := tok.(string); ok && depth == 1 {
			lastKey = s
		}
	}
}

// A jsonField is a struct field that JSON names: field outer of the
// struct, or, when inner is 0 or more, field inner of the embedded struct
// that field outer holds, as the fields of an embedded Header are.
type jsonField struct {
	outer, inner int
}

// of returns the field f of the struct v.
func (f jsonField) of(v reflect.Value) reflect.Value {
	v = v.Field(f.outer)
	if f.inner >= 0 {
		v = v.Field(f.inner)
	}
	return v
}

// fieldTables holds the jsonFields of each struct type that one decoding
// meets, so a log of many events builds each table once. A nil
// fieldTables builds a table on every call.
type fieldTables map[reflect.Type]map[string]jsonField

// of returns the jsonFields of t.
func (ft fieldTables) of(t reflect.Type) map[string]jsonField {
	if fields, ok := ft[t]; ok {
		return fields
	}
	fields := jsonFields(t)
	if ft != nil {
		ft[t] = fields
	}
	return fields
}

// jsonFields maps the JSON names of the fields of the struct type t,
// and of the structs it embeds without a JSON name, to those fields.
func jsonFields(t reflect.Type) map[string]jsonField {
	fields := make(map[string]jsonField, t.NumField()+4)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case f.Anonymous && f.Type.Kind() == reflect.Struct && name == "":
			for k, inner := range jsonFields(f.Type) {
				if _, shadowed := fields[k]; !shadowed && inner.inner < 0 {
					fields[k] = jsonField{outer: i, inner: inner.outer}
				}
			}
		case name == "":
			fields[f.Name] = jsonField{outer: i, inner: -1}
		default:
			fields[name] = jsonField{outer: i, inner: -1}
		}
	}
	return fields
}

// requiredKeys lists the boolean keys that the JSON of e must give, with
// true or false, because a missing one would decide the case. A missing
// "consent" would read as a refusal of the notice, and a missing "upheld"
// as an assessment found right. A missing "confirmed" would read as a
// refused judicial confirmation. A missing "continue" after a not_agreed
// meeting would read as no wish to meet again, which ends consultation
// (Art. 17(1)(4)). Booleans whose false is the ordinary reading, such as
// "corrected" on assessment_issued, stay optional.
func requiredKeys(e Event) []string {
	switch ev := e.(type) {
	case NoticeReplied:
		return []string{"consent"}
	case AssessmentReviewed:
		return []string{"upheld"}
	case ConfirmationDecided:
		return []string{"confirmed"}
	case MeetingHeld:
		if ev.Outcome == NotAgreed {
			return []string{"continue"}
		}
	}
	return nil
}

// A fieldError is an error of decodeValue with the JSON path of the value
// at fault, such as "obligor.kind" or "steps[1].due". The path is empty
// when the error concerns the whole value.
type fieldError struct {
	path string
	err  error
}

func (e *fieldError) Error() string {
	if e.path == "" {
		return e.err.Error()
	}
	return "field " + e.path + ": " + e.err.Error()
}

func (e *fieldError) Unwrap() error { return e.err }

// An unknownFieldError reports an object key that names no field. Its
// text is the one encoding/json gives under DisallowUnknownFields, which
// this package returned before it decoded objects itself, and errors.Is
// matches it to ErrInvalidField.
type unknownFieldError struct {
	key   string
	in    string   // the JSON path of the object, empty at the top level
	known []string // the keys the object may have, sorted
}

func (e *unknownFieldError) Error() string {
	where := ""
	if e.in != "" {
		where = " in " + e.in
	}
	return fmt.Sprintf("json: unknown field %q%s; the fields here are %s",
		e.key, where, strings.Join(e.known, ", "))
}

func (e *unknownFieldError) Is(target error) bool { return target == ErrInvalidField }

// duplicateKeyError reports key, repeated at the JSON path path.
func duplicateKeyError(path, key string) *fieldError {
	return &fieldError{path: path,
		err: fmt.Errorf("%w: duplicate key %q: keep only one", ErrInvalidField, key)}
}

// repeatedKey returns the first key that members repeat.
func repeatedKey(members []member) (string, bool) {
	if len(members) > 16 {
		seen := make(map[string]bool, len(members))
		for _, m := range members {
			if seen[m.key] {
				return m.key, true
			}
			seen[m.key] = true
		}
		return "", false
	}
	// For the few keys of an event, comparing pairs costs less than a set.
	for i := 1; i < len(members); i++ {
		for _, m := range members[:i] {
			if m.key == members[i].key {
				return m.key, true
			}
		}
	}
	return "", false
}

// decodeValue stores the JSON value raw, which must be valid JSON, in v,
// which must be settable. Unlike encoding/json it matches object keys
// exactly, as MarshalEvent writes them, and reads a date.Date only as a
// day that exists, written YYYY-MM-DD, because date.Date's own decoder
// would move 2024-02-30 to March. A null leaves v as it is, as
// encoding/json does. path is the JSON path of raw, for errors. Repeated
// keys are the caller's to reject, with firstDuplicate or repeatedKey.
func decodeValue(raw json.RawMessage, v reflect.Value, path string, ft fieldTables) *fieldError {
	kind := jsonKind(raw)
	t := v.Type()
	switch {
	case kind == 'n':
		return nil
	case t == reflect.TypeFor[date.Date]():
		return decodeDate(raw, v, path)
	case t == reflect.TypeFor[json.RawMessage]():
		v.SetBytes(raw) // raw is valid JSON, and the decoders only read it
		return nil
	case isLeaf(t):
		if plainLeaf(raw, v) {
			return nil
		}
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			return &fieldError{path: path, err: leafError(raw, t, err)}
		}
		return nil
	case t.Kind() == reflect.Struct && kind == '{':
		members, err := objectMembers(raw)
		if err != nil {
			return &fieldError{path: path, err: fmt.Errorf("%w: %w", ErrInvalidField, err)}
		}
		return decodeStruct(members, v, path, ft)
	case t.Kind() == reflect.Slice && kind == '[':
		items, err := scanItems(raw)
		if err != nil {
			return &fieldError{path: path, err: fmt.Errorf("%w: %w", ErrInvalidField, err)}
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			if err := decodeValue(item, s.Index(i), path+"["+strconv.Itoa(i)+"]", ft); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	return &fieldError{path: path, err: fmt.Errorf("%w: found %s, want %s",
		ErrInvalidField, describeJSON(raw), describeType(t, raw))}
}

// decodeStruct stores members in the fields of the struct v. A key that
// names no field is an error.
func decodeStruct(members []member, v reflect.Value, path string, ft fieldTables) *fieldError {
	fields := ft.of(v.Type())
	for _, m := range members {
		f, ok := fields[m.key]
		if !ok {
			known := make([]string, 0, len(fields))
			for k := range fields {
				known = append(known, k)
			}
			slices.Sort(known)
			return &fieldError{err: &unknownFieldError{key: m.key, in: path, known: known}}
		}
		if err := decodeValue(m.value, f.of(v), joinPath(path, m.key), ft); err != nil {
			return err
		}
	}
	return nil
}

// decodeDate stores the day raw names in v, a date.Date.
func decodeDate(raw json.RawMessage, v reflect.Value, path string) *fieldError {
	s, err := jsonString(raw)
	if err != nil {
		return &fieldError{path: path, err: fmt.Errorf("%w: found %s, want %s",
			ErrInvalidField, describeJSON(raw), describeType(reflect.TypeFor[date.Date](), raw))}
	}
	day, err := calendar.ParseDate(s)
	if err != nil {
		return &fieldError{path: path, err: fmt.Errorf("%w: %w", ErrInvalidField, err)}
	}
	v.Set(reflect.ValueOf(day))
	return nil
}

// isLeaf reports whether decodeValue leaves values of type t to
// encoding/json: types that decode themselves and every type that is
// neither a struct nor a slice.
func isLeaf(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	if p.Implements(reflect.TypeFor[json.Unmarshaler]()) || p.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct:
		return false
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8 // base64 text, as encoding/json reads it
	}
	return true
}

// leafError turns an error of json.Unmarshal on raw into one that names
// what raw is and what type t needs, instead of Go type names. An error
// of a type's own decoder, such as Actor's, already names the value and
// the choices, so it is kept.
func leafError(raw []byte, t reflect.Type, err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Errorf("%w: found %s, want %s", ErrInvalidField, describeJSON(raw), describeType(t, raw))
	}
	return fmt.Errorf("%w: %w", ErrInvalidField, err)
}

// jsonKind returns the first byte of the JSON value raw, which shows its
// kind: '{', '[', '"', 't', 'f', 'n', or a digit or '-' for a number. It
// returns 0 for blank input.
func jsonKind(raw []byte) byte {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c
	}
	return 0
}

// maxShown is the number of bytes of a JSON value that describeJSON
// quotes; a longer value is cut, so an error stays one readable line.
const maxShown = 40

// describeJSON names the JSON value raw for an error message, quoting a
// scalar: "an object", "the string \"yes\"", "the number 1.5".
func describeJSON(raw []byte) string {
	raw = bytes.TrimLeft(raw, " \t\n\r")
	text := shorten(string(raw))
	switch jsonKind(raw) {
	case 0:
		return "nothing"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "the string " + text
	case 't', 'f':
		return text
	case 'n':
		return "null"
	}
	return "the number " + text
}

// shorten cuts s to about maxShown bytes, at a character boundary, and
// replaces bytes that are not UTF-8, so an error message stays one
// readable line.
func shorten(s string) string {
	if len(s) > maxShown {
		cut := maxShown
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// describeType names the JSON that type t needs. For a whole-number type
// and a number raw, it gives the range, since raw is then out of range
// or not whole.
func describeType(t reflect.Type, raw []byte) string {
	switch {
	case t == reflect.TypeFor[date.Date]():
		return "a date as YYYY-MM-DD"
	case reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()):
		return "a string"
	}
	number := strings.ContainsRune("-0123456789", rune(jsonKind(raw)))
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if number {
			limit := int64(math.MaxInt64 >> (64 - t.Bits()))
			return fmt.Sprintf("a whole number from %d to %d", -limit-1, limit)
		}
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if number {
			return fmt.Sprintf("a whole number from 0 to %d", uint64(math.MaxUint64>>(64-t.Bits())))
		}
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a value of another kind" // no field of this package has such a type
}

// joinPath appends the object key key to the JSON path path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// syntaxError returns an error that wraps ErrInvalidField and gives the
// cause and byte offset when data is not exactly one JSON value, or nil.
// skipped is the number of bytes cut from the front of the caller's
// input, such as a byte order mark, so the offset counts from its start.
func syntaxError(data []byte, skipped int) error {
	if json.Valid(data) {
		return nil
	}
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return &jsonSyntaxError{data: data, offset: syntax.Offset, skipped: skipped, err: syntax}
	}
	return fmt.Errorf("%w: invalid JSON: %v", ErrInvalidField, err)
}

// A jsonSyntaxError is a JSON syntax error placed by line and column, as
// an editor shows them. It matches ErrInvalidField.
type jsonSyntaxError struct {
	data    []byte // the input after what was skipped
	offset  int64  // bytes of data read before the error
	skipped int    // bytes before data, such as a byte order mark
	err     error
}

func (e *jsonSyntaxError) Error() string {
	read := e.data[:min(max(e.offset, 0), int64(len(e.data)))]
	line := bytes.Count(read, []byte("\n")) + 1
	column := utf8.RuneCount(read[bytes.LastIndexByte(read, '\n')+1:])
	return fmt.Sprintf("JSON syntax error at line %d, column %d (after %d bytes): %v",
		line, column, e.offset+int64(e.skipped), e.err)
}

func (e *jsonSyntaxError) Unwrap() error { return e.err }

func (e *jsonSyntaxError) Is(target error) bool { return target == ErrInvalidField }

// plainLeaf stores raw in v when raw is a plain case that needs no
// decoder: a string without escapes, a whole number or a boolean, read as
// encoding/json would read it. It reports false, with v unchanged, for
// anything else, which json.Unmarshal then decodes and reports on.
func plainLeaf(raw []byte, v reflect.Value) bool {
	p := v.Addr().Interface()
	if _, ok := p.(json.Unmarshaler); ok {
		return false
	}
	text, isText := p.(encoding.TextUnmarshaler)
	switch kind := jsonKind(raw); {
	case kind == '"':
		inner := raw[1 : len(raw)-1]
		// An escape or an invalid byte needs the decoder's rewriting.
		if bytes.IndexByte(inner, '\\') >= 0 || !utf8.Valid(inner) {
			return false
		}
		if isText {
			return text.UnmarshalText(inner) == nil
		}
		if v.Kind() != reflect.String {
			return false
		}
		v.SetString(string(inner))
		return true
	case isText:
		return false
	case kind == 't' || kind == 'f':
		if v.Kind() != reflect.Bool {
			return false
		}
		v.SetBool(kind == 't')
		return true
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(string(raw), 10, v.Type().Bits())
		if err != nil {
			return false
		}
		v.SetInt(n)
		return true
	}
	return false
}

// jsonString returns the text of raw, a JSON string. A string without
// escapes is read in place.
func jsonString(raw []byte) (string, error) {
	if jsonKind(raw) != '"' || len(raw) < 2 {
		return "", fmt.Errorf("found %s, want a string", describeJSON(raw))
	}
	if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}
