package main

import (
	"encoding"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// buildFunc builds a document of case c under r from facts decoded
// earlier.
type buildFunc func(r rules.Rules, c consult.Case) (documents.Document, error)

// documentKind is one document the route renders. decode reads the
// request body as the document's Facts type of package documents.
type documentKind struct {
	name   string
	decode func(body []byte) (buildFunc, *apiError)
}

// documentKinds lists the documents by the names that the casefile
// command's -doc flag and facts file use.
var documentKinds = []documentKind{
	newDocumentKind("notice", documents.NewNotice),
	newDocumentKind("opinion", documents.NewOpinion),
	newDocumentKind("meeting_notice", withoutRules(documents.NewMeetingNotice)),
	newDocumentKind("minutes", withoutRules(documents.NewMinutes)),
	newDocumentKind("proxy_checklist", withoutRules(documents.NewProxyChecklist)),
	newDocumentKind("agreement", documents.NewAgreement),
	newDocumentKind("disclosure", withoutRules(documents.NewDisclosure)),
	newDocumentKind("cooperation", documents.NewCooperationRecord),
}

func newDocumentKind[F any, D documents.Document](name string,
	build func(rules.Rules, consult.Case, F) (D, error)) documentKind {
	decode := func(body []byte) (buildFunc, *apiError) {
		var facts F
		if fail := decodeFacts(body, &facts, name); fail != nil {
			return nil, fail
		}
		return func(r rules.Rules, c consult.Case) (documents.Document, error) {
			doc, err := build(r, c, facts)
			if err != nil {
				return nil, err
			}
			return doc, nil
		}, nil
	}
	return documentKind{name: name, decode: decode}
}

// withoutRules adapts a New function of package documents that needs no
// rules to the signature of the others.
func withoutRules[F, D any](build func(consult.Case, F) (D, error)) func(rules.Rules, consult.Case, F) (D, error) {
	return func(_ rules.Rules, c consult.Case, facts F) (D, error) {
		return build(c, facts)
	}
}

func findDocumentKind(name string) (documentKind, bool) {
	i := slices.IndexFunc(documentKinds, func(k documentKind) bool { return k.name == name })
	if i < 0 {
		return documentKind{}, false
	}
	return documentKinds[i], true
}

func documentNames() string {
	names := make([]string, len(documentKinds))
	for i, k := range documentKinds {
		names[i] = k.name
	}
	return strings.Join(names, ", ")
}

// documentFormat is one rendering of a document and the Content-Type of
// its response.
type documentFormat struct {
	render      func(documents.Document) (string, error)
	contentType string
}

var documentFormats = map[string]documentFormat{
	"text": {documents.Text, "text/plain; charset=utf-8"},
	"html": {documents.HTML, "text/html; charset=utf-8"},
}

// renderDocument renders the named official document of the case on the
// query's day, by default today in China Standard Time. The request body
// contains the facts that only the official supplies.
func (s *server) renderDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, "", invalidID())
		return
	}
	kind, ok := findDocumentKind(r.PathValue("name"))
	if !ok {
		// The message does not quote the name, which keeps arbitrary
		// path text out of the log.
		s.fail(w, r, id, &apiError{status: http.StatusNotFound, body: errorBody{
			Error: "no document has this name; the documents are " + documentNames()}})
		return
	}
	query := r.URL.Query()
	if fail := checkQuery(query, "day", "format"); fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	day, fail := s.queryDay(query)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	format, fail := queryFormat(query)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	body, fail := readJSONBody(w, r)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	build, fail := kind.decode(body)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}

	c, fail := s.caseOn(r, id, day)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	doc, err := build(s.engine.Rules(), c)
	if err != nil {
		s.fail(w, r, id, documentFailure(err))
		return
	}
	out, err := format.render(doc)
	if err != nil {
		s.fail(w, r, id, documentFailure(err))
		return
	}
	writeDocument(w, format.contentType, out)
}

// queryFormat reads the optional query parameter format, text or html.
// The default is text.
func queryFormat(query url.Values) (documentFormat, *apiError) {
	value, ok, fail := queryValue(query, "format")
	if fail != nil {
		return documentFormat{}, fail
	}
	if !ok {
		return documentFormats["text"], nil
	}
	format, known := documentFormats[value]
	if !known {
		return documentFormat{}, badRequest("format", "invalid format %q; want text or html", value)
	}
	return format, nil
}

// writeDocument writes a rendered document as a 200 response. The
// Content-Security-Policy lets an HTML page apply its own inline
// stylesheet and nothing else: no script, image, font or frame loads.
func writeDocument(w http.ResponseWriter, contentType, document string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.WriteHeader(http.StatusOK)
	// A failed write means the client has gone, and there is no one
	// left to tell.
	_, _ = w.Write([]byte(document))
}

// decodeFacts decodes body, a JSON object, into facts, a pointer to the
// Facts struct of the document named document. Field names must match
// exactly, so "agency" is rejected as unknown where encoding/json would
// fill Agency. An error names the field at fault by its path, such as
// Agency.Name or Evidence[2].
func decodeFacts(body []byte, facts any, document string) *apiError {
	t := reflect.TypeOf(facts).Elem()
	var fields map[string]json.RawMessage
	err := json.Unmarshal(body, &fields)
	if err == nil && fields == nil {
		err = errors.New("it is null")
	}
	if err != nil {
		return badRequest("", "the request body is not a JSON object with the fields of "+
			"documents.%s: %v", t.Name(), err)
	}
	if fail := checkFields(body, t, "", document); fail != nil {
		return fail
	}
	// checkFields has decoded every value on its own, so an error here
	// is one it does not foresee.
	if err := json.Unmarshal(body, facts); err != nil {
		return badRequest("", "invalid facts for %s: %v", document, err)
	}
	return nil
}

var (
	dateType            = reflect.TypeFor[date.Date]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// checkFields walks the JSON value raw alongside the Go type t that it
// will be decoded into. It rejects an object key that names no field of
// the struct, and decodes each other value on its own so that an invalid
// one is reported with its path. A date must be a real day as
// YYYY-MM-DD, and a value of another type that decodes itself is
// decoded whole.
func checkFields(raw json.RawMessage, t reflect.Type, path, document string) *apiError {
	if string(raw) == "null" {
		return nil
	}
	if t == dateType {
		return checkDate(raw, path)
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshalerType) ||
		reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return decodeValue(raw, t, path)
	}

	switch t.Kind() {
	case reflect.Pointer:
		return checkFields(raw, t.Elem(), path, document)
	case reflect.Struct:
		var object map[string]json.RawMessage
		if err := json.Unmarshal(raw, &object); err != nil {
			return badRequest(path, "invalid %s: want a JSON object", path)
		}
		fields := structFields(t)
		for _, key := range slices.Sorted(maps.Keys(object)) {
			field, ok := fields[key]
			fieldPath := joinPath(path, key)
			if !ok {
				return badRequest(fieldPath, "unknown field %q in the %s facts; the fields of %s "+
					"are %s, and names are case-sensitive", fieldPath, document, structName(t, path),
					strings.Join(slices.Sorted(maps.Keys(fields)), ", "))
			}
			if fail := checkFields(object[key], field.Type, fieldPath, document); fail != nil {
				return fail
			}
		}
		return nil
	case reflect.Slice, reflect.Array:
		var elements []json.RawMessage
		if err := json.Unmarshal(raw, &elements); err != nil {
			return badRequest(path, "invalid %s: want a JSON array", path)
		}
		for i, element := range elements {
			if fail := checkFields(element, t.Elem(), path+"["+strconv.Itoa(i)+"]", document); fail != nil {
				return fail
			}
		}
		return nil
	case reflect.Map:
		var object map[string]json.RawMessage
		if err := json.Unmarshal(raw, &object); err != nil {
			return badRequest(path, "invalid %s: want a JSON object", path)
		}
		for _, key := range slices.Sorted(maps.Keys(object)) {
			elementPath := path + "[" + strconv.Quote(key) + "]"
			if err := decodeMapKey(key, t.Key()); err != nil {
				return badRequest(elementPath, "invalid key %q in %s: %v", key, path, err)
			}
			if fail := checkFields(object[key], t.Elem(), elementPath, document); fail != nil {
				return fail
			}
		}
		return nil
	}
	return decodeValue(raw, t, path)
}

// checkDate checks that raw is a real day written as YYYY-MM-DD. The
// decoder of date.Date rolls a day that does not exist over, so that
// 2023-02-30 would become 2 March 2023 on the document.
func checkDate(raw json.RawMessage, path string) *apiError {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return badRequest(path, "invalid %s: want a date as a string YYYY-MM-DD", path)
	}
	if _, err := calendar.ParseDate(s); err != nil {
		return badRequest(path, "invalid %s: %v", path, err)
	}
	return nil
}

// decodeValue decodes raw into a new value of type t and reports an
// error with path.
func decodeValue(raw json.RawMessage, t reflect.Type, path string) *apiError {
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		return badRequest(path, "invalid %s: %v", path, err)
	}
	return nil
}

// decodeMapKey checks that key decodes as a map key of type t, as
// encoding/json decodes it: a string, a TextUnmarshaler or an integer.
func decodeMapKey(key string, t reflect.Type) error {
	quoted, err := json.Marshal(key)
	if err != nil {
		return err
	}
	wrapped := append(append([]byte(`{`), quoted...), `:null}`...)
	return json.Unmarshal(wrapped, reflect.New(reflect.MapOf(t, reflect.TypeFor[any]())).Interface())
}

// structFields returns the fields of struct type t by the names
// encoding/json gives them: the name in a json tag, or else the Go name.
//
// NOTE: encoding/json's rules for embedded structs whose fields clash
// are not applied, and a promoted field is kept by its name. The Facts
// types of package documents and the types of their fields embed no
// struct.
func structFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for _, f := range reflect.VisibleFields(t) {
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

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// structName names the struct at path for an error message: the facts
// themselves, or the field that holds the struct.
func structName(t reflect.Type, path string) string {
	if path == "" {
		return "documents." + t.Name()
	}
	return path
}
