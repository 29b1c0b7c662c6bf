// Command httpadapter serves consultation cases of package consult over
// HTTP, as a host application would. It keeps cases in memory, so they
// are lost when it stops. A host replaces memoryStore with its own
// database behind the caseStore interface.
//
// It is a program, so another module cannot import it: a host copies its
// files into its own service. Within this folder, newServer builds the
// http.Handler that the tests run under net/http/httptest.
//
// Usage:
//
//	httpadapter [-addr host:port] [-provisional]
//
// Request bodies are JSON, and so are responses other than a rendered
// document. Requests with a body must send Content-Type:
// application/json. A request body may be at most
// 1 MiB. Every error response is a JSON object such as
//
//	{"error": "…", "article": "Art. 13", "article_zh": "第十三条", "field": "proxy"}
//
// where article and article_zh cite the provision of the measures that a
// rejected event or document breaks, and field names the JSON field or query
// parameter at fault. Each is present only where it applies. A 409 also
// carries event_count, and a 422 for a document carries missing. Unknown
// fields in a request body and unknown query parameters are rejected
// with 400.
//
// POST /cases opens a case. The body is one investigation_started event
// in the JSON of consult.MarshalEvent. The server gives the case a new
// random id, because the case number is not unique: several obligors of
// one incident are several cases that share a case number. The response
// is 201 with a Location header and the case:
//
//	curl -s -X POST localhost:8080/cases -H 'Content-Type: application/json' -d '{
//	  "type": "investigation_started", "date": "2024-01-08", "actor": "agency",
//	  "case_number": "示例〔2024〕1号", "district": "临平区",
//	  "obligor": {"name": "某化工有限公司", "kind": "legal_person", "address": "临平区"}}'
//	{"id":"K7Q…","event_count":1,"case":{"version":1,"number":"示例〔2024〕1号",…,"events":[…]}}
//
// POST /cases/{id}/events appends one event. expected_count is the
// number of events the client believes the case has, from event_count of
// its last response. If another event was stored since, the response is
// 409 with the current event_count and nothing is stored. An event that
// the measures do not allow is 422 with the article it breaks:
//
//	curl -s -X POST localhost:8080/cases/K7Q…/events -H 'Content-Type: application/json' \
//	  -d '{"expected_count": 1, "event": {"type": "notice_served", "date": "2024-02-08", "actor": "agency"}}'
//	{"id":"K7Q…","event_count":2,"case":{…,"stage":"awaiting_consent",…}}
//
//	curl -s -X POST localhost:8080/cases/K7Q…/events -H 'Content-Type: application/json' \
//	  -d '{"expected_count": 2, "event": {"type": "notice_replied", "date": "2024-02-09",
//	       "actor": "proxy", "proxy": "张三", "consent": true, "delivery": "by_hand"}}'
//	{"error":"consult: notice_replied: field proxy: actor has no standing for this event:
//	  no power of attorney for \"张三\" is on file; record proxy_authorized first (Art. 13)",
//	 "article":"Art. 13","article_zh":"第十三条","field":"proxy"}
//
// GET /cases/{id} returns the case as its events left it, in the same
// shape. Its stage does not move for deadlines that passed after the
// last event. Use the agenda for that.
//
// GET /cases/{id}/agenda?day=YYYY-MM-DD lists what is open on day
// (default: today in China Standard Time), after the deadlines that
// passed by then. Only events dated on or before day count:
//
//	curl -s 'localhost:8080/cases/K7Q…/agenda?day=2024-02-09'
//	{"id":"K7Q…","day":"2024-02-09","stage":"awaiting_consent","items":[
//	  {"party":"agency","action":"inform the procuratorate of the investigation",
//	   "due":"promptly","trigger":"2024-01-08","overdue":false,"option":false,
//	   "provisional":false,"article":"Art. 8(6)","article_zh":"第八条第六款"},
//	  {"party":"obligor","action":"answer the consultation notice in writing",
//	   "due":"2024-02-21","trigger":"2024-02-08","overdue":false,"option":false,
//	   "provisional":false,"article":"Art. 8(3)","article_zh":"第八条第三款"}]}
//
// An item's due is a date or "promptly" where the measures fix no period.
//
// POST /cases/{id}/documents/{name}?day=YYYY-MM-DD&format=text renders
// an official document of the case on day, with the same default day and
// the same events as the agenda. The names are those of the
// casefile command: notice, opinion, meeting_notice, minutes,
// proxy_checklist, agreement, disclosure and cooperation. The body holds
// the facts only the official supplies, in the fields of that document's
// Facts type of package documents (NoticeFacts for notice, ProxyFacts for
// proxy_checklist). Field names are case-sensitive, dates are real days
// as YYYY-MM-DD, Attendee.Role is a name such as "recorder", and
// ProxyFacts.Act one such as "agree_and_sign". format is text (the
// default) or html, and the response is the document as text/plain or
// text/html in UTF-8:
//
//	curl -s -X POST 'localhost:8080/cases/K7Q…/documents/notice?day=2024-02-09' \
//	  -H 'Content-Type: application/json' -d '{
//	  "Agency": {"Name": "杭州市临平区生态环境分局", "Address": "临平区某路某号"},
//	  "Damage": "化工仓库火灾的消防废水外溢，污染周边土壤和地表水。",
//	  "ReplyMethod": "当面递交或者邮寄至本机关"}'
//	　　　　　　　　杭州市临平区生态环境分局
//	━━━━━━━━━━━━━━━━━━━━━━━━━━━━
//
//	　　　　　　　 生态环境损害赔偿磋商告知书
//
//	某化工有限公司：
//	…
//	　　请你单位将是否同意磋商的书面意见于2024年2月21日（含当日）前送达本机关。…
//
// A document that lacks a required item is 422 with every missing item
// and the article that requires it. So is a document about an event that
// the case does not record by day. For a case with an assessment, the
// opinion letter on a day before its opinion_served event is
//
//	{"error":"documents: rules: opinion letter (生态环境损害赔偿意见书) is missing …",
//	 "missing":[{"item":"day the obligor received the letter (record opinion_served in the case)",
//	   "item_zh":"送达日期","article":"Art. 9","article_zh":"第九条"},…]}
//
// A document that breaks a rule of the measures, such as minutes signed
// by someone who did not attend, is 422 with article and article_zh. An
// unknown name is 404 with the list of names.
//
// The embedded working-day calendar ends with the last State Council
// holiday notice it holds. A request whose result needs a day after that,
// such as an event whose reply period runs into the next year, is 422.
// With -provisional the server counts those years by the provisional rule
// of package calendar and marks the results provisional. An agenda for a
// later day with nothing to count is served as usual.
//
// The server logs to standard error with log/slog: its start and stop,
// and every error response with the case id.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
)

// shutdownTimeout is how long a graceful shutdown waits for requests in
// progress before it closes their connections.
const shutdownTimeout = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command: it serves until ctx is done and returns the
// exit status, 2 for bad usage and 1 when the server fails.
func run(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("httpadapter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "TCP `address` to listen on, as host:port")
	provisional := fs.Bool("provisional", false,
		"count periods in years after the last holiday notice by the provisional calendar rule")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: httpadapter [-addr host:port] [-provisional]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "httpadapter: unexpected argument %q; the command takes flags only\n", fs.Arg(0))
		return 2
	}

	logger := slog.New(slog.NewTextHandler(stderr, nil))
	engine, err := newEngine(*provisional)
	if err != nil {
		logger.Error("invalid rules", "error", err)
		return 1
	}
	handler := newServer(newMemoryStore(), engine, time.Now)
	handler.logger = logger
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelError),
	}
	return serve(ctx, srv, *addr, logger)
}

// newEngine returns the engine of the Hangzhou 2020 measures over
// China's national calendar, which may use the provisional rule.
func newEngine(provisional bool) (*consult.Engine, error) {
	if !provisional {
		return consult.Default(), nil
	}
	r, err := rules.New(calendar.China().WithProvisional(), rules.Hangzhou2020())
	if err != nil {
		return nil, err
	}
	return consult.New(r), nil
}

// serve listens on addr and serves until ctx is done, then shuts srv down
// gracefully. It returns the exit status.
func serve(ctx context.Context, srv *http.Server, addr string, logger *slog.Logger) int {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		logger.Error("failed to listen", "addr", addr, "error", err)
		return 1
	}
	logger.Info("server started", "addr", listener.Addr().String())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(listener) }()

	select {
	case err := <-served:
		logger.Error("server failed", "error", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("server stopping", "reason", context.Cause(ctx).Error())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("graceful shutdown failed", "error", err)
		return 1
	}
	logger.Info("server stopped")
	return 0
}
