package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/ecoconsult/ecoconsult/consult"
)

// Errors a caseStore returns. The handlers map them to HTTP statuses.
var (
	errCaseNotFound = errors.New("case not found")
	errCaseExists   = errors.New("case id already in use")
)

// A countConflictError reports an Append whose expected event count no
// longer matches the stored log, because another client appended first.
type countConflictError struct {
	Expected int // the count the request was based on
	Actual   int // the count in the store
}

func (e *countConflictError) Error() string {
	return fmt.Sprintf("the case has %d events, but the request expected %d", e.Actual, e.Expected)
}

// caseStore keeps the event log of each case under its id. A host backs
// it with its own database.
//
// Append must compare expected with the stored count and add the event
// in one atomic step, so that of two clients that read the same count
// only one can append. In SQL that is an insert into an events table
// whose primary key is (case id, position), with position = expected,
// or an UPDATE … WHERE event_count = expected. The store does not check
// events against the measures: the server applies the event to the log
// it loaded before it calls Append, and the count check guarantees that
// the log has not changed since.
type caseStore interface {
	// Create stores the log of a new case. It returns errCaseExists if
	// id is taken.
	Create(ctx context.Context, id string, log consult.Log) error
	// Load returns the log of case id, or errCaseNotFound.
	Load(ctx context.Context, id string) (consult.Log, error)
	// Append adds e to the log of case id if the log has exactly
	// expected events, and returns the new log. Otherwise it returns a
	// *countConflictError and changes nothing. It returns
	// errCaseNotFound for an unknown id.
	Append(ctx context.Context, id string, expected int, e consult.Event) (consult.Log, error)
}

// memoryStore is a caseStore in memory, safe for concurrent use. Its
// cases are lost when the process exits.
type memoryStore struct {
	mu    sync.RWMutex
	cases map[string][]consult.Event
}

func newMemoryStore() *memoryStore {
	return &memoryStore{cases: map[string][]consult.Event{}}
}

// Create implements caseStore.
func (m *memoryStore) Create(ctx context.Context, id string, log consult.Log) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.cases[id]; ok {
		return errCaseExists
	}
	m.cases[id] = slices.Clone(log.Events)
	return nil
}

// Load implements caseStore. The log it returns is a copy, so a caller
// may change it without changing the store.
func (m *memoryStore) Load(ctx context.Context, id string) (consult.Log, error) {
	if err := ctx.Err(); err != nil {
		return consult.Log{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	events, ok := m.cases[id]
	if !ok {
		return consult.Log{}, errCaseNotFound
	}
	return consult.Log{Version: consult.Version, Events: slices.Clone(events)}, nil
}

// Append implements caseStore. The log it returns is a copy.
func (m *memoryStore) Append(ctx context.Context, id string, expected int, e consult.Event) (consult.Log, error) {
	if err := ctx.Err(); err != nil {
		return consult.Log{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	events, ok := m.cases[id]
	if !ok {
		return consult.Log{}, errCaseNotFound
	}
	if len(events) != expected {
		return consult.Log{}, &countConflictError{Expected: expected, Actual: len(events)}
	}
	events = append(events, e)
	m.cases[id] = events
	return consult.Log{Version: consult.Version, Events: slices.Clone(events)}, nil
}
