package main

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
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
// Facts struct of the document named document, with
// documents.DecodeFacts: field names match exactly, and an error names
// the field at fault by its path, such as Agency.Name or Evidence[2].
func decodeFacts(body []byte, facts any, document string) *apiError {
	err := documents.DecodeFacts(body, facts)
	if err == nil {
		return nil
	}
	var fe *documents.FactsError
	if errors.As(err, &fe) {
		return badRequest(fe.Path, "%s facts: %v", document, fe.Err)
	}
	return badRequest("", "%s facts: %v", document, err)
}
