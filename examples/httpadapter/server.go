package main

import (
	"crypto/rand"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/rickb777/date/v2"
)

// server is the HTTP handler over a caseStore and an engine. It keeps no
// state of its own, so it is safe for concurrent use when the store is.
type server struct {
	store  caseStore
	engine *consult.Engine
	// clock returns the current instant. The default day of the agenda
	// and of a document is its date in China Standard Time.
	clock func() time.Time
	// logger receives one record for every error response, with the case
	// id. It is slog.Default() unless the caller replaces it.
	logger *slog.Logger
	mux    *http.ServeMux
}

// newServer returns the handler for every route of the service.
func newServer(store caseStore, engine *consult.Engine, clock func() time.Time) *server {
	s := &server{store: store, engine: engine, clock: clock, logger: slog.Default(),
		mux: http.NewServeMux()}
	s.routes()
	return s
}

func (s *server) routes() {
	s.mux.HandleFunc("POST /cases", s.createCase)
	s.mux.HandleFunc("GET /cases/{id}", s.getCase)
	s.mux.HandleFunc("POST /cases/{id}/events", s.appendEvent)
	s.mux.HandleFunc("GET /cases/{id}/agenda", s.getAgenda)
	s.mux.HandleFunc("POST /cases/{id}/documents/{name}", s.renderDocument)

	// The patterns without a method catch the other methods on the same
	// paths. They respond with 405 and a JSON body, because the mux's own
	// 405 response is plain text.
	s.mux.HandleFunc("/cases", s.methodNotAllowed("POST"))
	s.mux.HandleFunc("/cases/{id}", s.methodNotAllowed("GET, HEAD"))
	s.mux.HandleFunc("/cases/{id}/events", s.methodNotAllowed("POST"))
	s.mux.HandleFunc("/cases/{id}/agenda", s.methodNotAllowed("GET, HEAD"))
	s.mux.HandleFunc("/cases/{id}/documents/{name}", s.methodNotAllowed("POST"))
	s.mux.HandleFunc("/", s.notFound)
}

// ServeHTTP dispatches the request to its route.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// caseResponse is the body of every response that returns a case.
// EventCount is the number of events in the log, the value a client
// sends as expected_count with its next event.
type caseResponse struct {
	ID         string       `json:"id"`
	EventCount int          `json:"event_count"`
	Case       consult.Case `json:"case"`
}

// createCase opens a case from its investigation_started event and
// stores it under a new random id.
func (s *server) createCase(w http.ResponseWriter, r *http.Request) {
	body, fail := readJSONBody(w, r)
	if fail != nil {
		s.fail(w, r, "", fail)
		return
	}
	e, err := consult.UnmarshalEvent(body)
	if err != nil {
		s.fail(w, r, "", badRequest("", "invalid event: %v", err))
		return
	}
	c, err := s.engine.Apply(consult.Case{}, e)
	if err != nil {
		s.fail(w, r, "", ruleRejection(err))
		return
	}
	// The case number is not the id: several obligors of one incident
	// are several cases that share a case number. rand.Text returns 26
	// base32 characters, 128 random bits.
	id := rand.Text()
	log := consult.Log{Version: consult.Version, Events: c.Events}
	if err := s.store.Create(r.Context(), id, log); err != nil {
		s.fail(w, r, id, internalError(err))
		return
	}
	w.Header().Set("Location", "/cases/"+id)
	s.respond(w, r, id, http.StatusCreated, caseResponse{ID: id, EventCount: len(c.Events), Case: c})
}

// getCase returns the case as its events left it. The stage does not
// move for deadlines that passed after the last event. The agenda route
// shows the case on a given day.
func (s *server) getCase(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	log, fail := s.load(r, id)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	c, err := s.engine.Replay(log.Events)
	if err != nil {
		s.fail(w, r, id, internalError(err))
		return
	}
	s.respond(w, r, id, http.StatusOK, caseResponse{ID: id, EventCount: len(log.Events), Case: c})
}

// appendEvent applies one event to the log the client has seen and
// stores it if no other event was stored in between.
func (s *server) appendEvent(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, "", invalidID())
		return
	}
	body, fail := readJSONBody(w, r)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	req, fail := decodeAppendRequest(body)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}

	log, fail := s.load(r, id)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	if req.ExpectedCount != len(log.Events) {
		s.fail(w, r, id, staleCount(&countConflictError{Expected: req.ExpectedCount,
			Actual: len(log.Events)}))
		return
	}

	c, err := s.engine.Replay(log.Events)
	if err != nil {
		s.fail(w, r, id, internalError(err))
		return
	}
	next, err := s.engine.Apply(c, req.Event)
	if err != nil {
		s.fail(w, r, id, ruleRejection(err))
		return
	}

	// The event was checked against the log of req.ExpectedCount events.
	// Append stores it only if the log still has that many, which means
	// it is still the same log, because logs only grow.
	stored, err := s.store.Append(r.Context(), id, req.ExpectedCount, req.Event)
	var conflict *countConflictError
	switch {
	case errors.As(err, &conflict):
		s.fail(w, r, id, staleCount(conflict))
		return
	case errors.Is(err, errCaseNotFound):
		s.fail(w, r, id, caseNotFound(id))
		return
	case err != nil:
		s.fail(w, r, id, internalError(err))
		return
	}
	s.respond(w, r, id, http.StatusOK, caseResponse{ID: id, EventCount: len(stored.Events), Case: next})
}

// agendaResponse is the body of the agenda route. Stage is the stage on
// Day, after the deadlines that passed by then.
type agendaResponse struct {
	ID    string        `json:"id"`
	Day   string        `json:"day"`
	Stage consult.Stage `json:"stage"`
	Items []agendaItem  `json:"items"`
}

// agendaItem is one consult.Item in JSON. Due is YYYY-MM-DD, or
// "promptly" where the measures fix no period.
type agendaItem struct {
	Party       string `json:"party"`
	Action      string `json:"action"`
	Due         string `json:"due"`
	Trigger     string `json:"trigger,omitempty"`
	Overdue     bool   `json:"overdue"`
	Option      bool   `json:"option"`
	Provisional bool   `json:"provisional"`
	Article     string `json:"article"`
	ArticleZh   string `json:"article_zh"`
}

// getAgenda lists what is open in the case on the day the query names,
// by default today in China Standard Time. Only events dated on or
// before that day count, so a past day shows the agenda as it was then.
func (s *server) getAgenda(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, "", invalidID())
		return
	}
	query := r.URL.Query()
	if fail := checkQuery(query, "day"); fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	day, fail := s.queryDay(query)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	c, fail := s.caseOn(r, id, day)
	if fail != nil {
		s.fail(w, r, id, fail)
		return
	}
	items, err := s.engine.Agenda(c, day)
	if err != nil {
		s.fail(w, r, id, calendarFailure(err))
		return
	}

	out := agendaResponse{ID: id, Day: day.String(), Stage: c.Stage, Items: []agendaItem{}}
	for _, it := range items {
		out.Items = append(out.Items, newAgendaItem(it))
	}
	s.respond(w, r, id, http.StatusOK, out)
}

func newAgendaItem(it consult.Item) agendaItem {
	out := agendaItem{Party: it.Party.String(), Action: it.Action, Due: "promptly",
		Overdue: it.Overdue, Option: it.Option, Provisional: it.Provisional,
		Article: it.Citation.String(), ArticleZh: it.Citation.Chinese()}
	if !it.Promptly {
		out.Due = it.Due.String()
	}
	if it.Trigger != 0 {
		out.Trigger = it.Trigger.String()
	}
	return out
}

// caseOn returns case id on day. Only the events dated on or before day
// count, and the deadlines that passed by then have their consequences
// (consult.Engine.At).
func (s *server) caseOn(r *http.Request, id string, day date.Date) (consult.Case, *apiError) {
	log, fail := s.load(r, id)
	if fail != nil {
		return consult.Case{}, fail
	}
	var events []consult.Event
	for _, e := range log.Events {
		if e.Head().Date <= day {
			events = append(events, e)
		}
	}
	if len(events) == 0 {
		return consult.Case{}, badRequest("day", "the case starts on %s; ask for that day or later",
			log.Events[0].Head().Date)
	}

	c, err := s.engine.Replay(events)
	if err != nil {
		return consult.Case{}, internalError(err)
	}
	if c, err = s.engine.At(c, day); err != nil {
		return consult.Case{}, calendarFailure(err)
	}
	return c, nil
}

// checkQuery rejects any query parameter not in allowed, so that a
// misspelt one does not silently take its default.
func checkQuery(query url.Values, allowed ...string) *apiError {
	for _, name := range slices.Sorted(maps.Keys(query)) {
		if slices.Contains(allowed, name) {
			continue
		}
		if len(allowed) == 1 {
			return badRequest(name, "unknown query parameter %q; the only one is %s", name, allowed[0])
		}
		return badRequest(name, "unknown query parameter %q; the parameters are %s", name,
			strings.Join(allowed, " and "))
	}
	return nil
}

// queryValue returns the value of the optional query parameter name,
// with ok false when the query does not give it. A parameter given twice
// is rejected.
func queryValue(query url.Values, name string) (value string, ok bool, fail *apiError) {
	values := query[name]
	switch len(values) {
	case 0:
		return "", false, nil
	case 1:
		return values[0], true, nil
	}
	return "", false, badRequest(name, "%s is given %d times; give it once", name, len(values))
}

// queryDay reads the optional query parameter day. Without it, the day
// is today in China Standard Time by the server's clock.
func (s *server) queryDay(query url.Values) (date.Date, *apiError) {
	value, ok, fail := queryValue(query, "day")
	if fail != nil {
		return 0, fail
	}
	if !ok {
		return calendar.ChinaDate(s.clock()), nil
	}
	day, err := calendar.ParseDate(value)
	if err != nil {
		// The parser's message names the expected form.
		return 0, badRequest("day", "invalid day: %v", err)
	}
	return day, nil
}

// load returns the log of case id, or the error response for it.
func (s *server) load(r *http.Request, id string) (consult.Log, *apiError) {
	if !validID(id) {
		return consult.Log{}, invalidID()
	}
	log, err := s.store.Load(r.Context(), id)
	switch {
	case errors.Is(err, errCaseNotFound):
		return consult.Log{}, caseNotFound(id)
	case err != nil:
		return consult.Log{}, internalError(err)
	case len(log.Events) == 0:
		return consult.Log{}, internalError(errors.New("stored log has no events"))
	}
	return log, nil
}

// validID reports whether id can name a case: 1 to 64 ASCII letters,
// digits, '-' or '_'. The ids this server creates are 26 base32
// characters. fail logs only a valid id, which keeps arbitrary path text
// out of the logs.
func validID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}

// notFound responds with 404 to every path that no route matches.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, "", &apiError{status: http.StatusNotFound, body: errorBody{
		Error: "no route matches the path; the routes are POST /cases, GET /cases/{id}, " +
			"POST /cases/{id}/events, GET /cases/{id}/agenda and " +
			"POST /cases/{id}/documents/{name}"}})
}

// methodNotAllowed returns a handler that responds with 405 and lists
// the methods the path allows in the Allow header.
func (s *server) methodNotAllowed(allow string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		s.fail(w, r, "", &apiError{status: http.StatusMethodNotAllowed, body: errorBody{
			Error: "the method is not allowed on this path; use " + allow}})
	}
}
