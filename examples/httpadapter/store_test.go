package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/rickb777/date/v2"
)

func testEvent(day int) consult.Event {
	return consult.ProcuratorateInformed{Header: consult.Header{
		Date: date.New(2024, time.January, day), Actor: consult.Agency}}
}

func TestMemoryStoreCreate(t *testing.T) {
	ctx := context.Background()
	m := newMemoryStore()
	log := consult.Log{Version: consult.Version, Events: []consult.Event{testEvent(1)}}
	if err := m.Create(ctx, "A", log); err != nil {
		t.Fatal(err)
	}
	if err := m.Create(ctx, "A", log); !errors.Is(err, errCaseExists) {
		t.Errorf("second Create: %v, want errCaseExists", err)
	}
	if _, err := m.Load(ctx, "B"); !errors.Is(err, errCaseNotFound) {
		t.Errorf("Load of unknown id: %v, want errCaseNotFound", err)
	}
	if _, err := m.Append(ctx, "B", 1, testEvent(2)); !errors.Is(err, errCaseNotFound) {
		t.Errorf("Append to unknown id: %v, want errCaseNotFound", err)
	}
}

func TestMemoryStoreAppend(t *testing.T) {
	ctx := context.Background()
	m := newMemoryStore()
	if err := m.Create(ctx, "A", consult.Log{Events: []consult.Event{testEvent(1)}}); err != nil {
		t.Fatal(err)
	}
	log, err := m.Append(ctx, "A", 1, testEvent(2))
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Events) != 2 {
		t.Errorf("Append returned %d events, want 2", len(log.Events))
	}

	_, err = m.Append(ctx, "A", 1, testEvent(3))
	var conflict *countConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("stale Append: %v, want *countConflictError", err)
	}
	if conflict.Expected != 1 || conflict.Actual != 2 {
		t.Errorf("conflict %+v, want expected 1 and actual 2", *conflict)
	}
	log, err = m.Load(ctx, "A")
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Events) != 2 {
		t.Errorf("stored %d events after the stale Append, want 2", len(log.Events))
	}
}

func TestMemoryStoreCopies(t *testing.T) {
	ctx := context.Background()
	m := newMemoryStore()
	created := consult.Log{Events: []consult.Event{testEvent(1)}}
	if err := m.Create(ctx, "A", created); err != nil {
		t.Fatal(err)
	}
	created.Events[0] = testEvent(9)

	loaded, err := m.Load(ctx, "A")
	if err != nil {
		t.Fatal(err)
	}
	loaded.Events[0] = testEvent(8)

	again, err := m.Load(ctx, "A")
	if err != nil {
		t.Fatal(err)
	}
	if day := again.Events[0].Head().Date.Day(); day != 1 {
		t.Errorf("stored event is dated day %d, want 1: a caller changed the store", day)
	}
}

func TestMemoryStoreCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := newMemoryStore()
	if err := m.Create(ctx, "A", consult.Log{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Create: %v, want context.Canceled", err)
	}
	if _, err := m.Load(ctx, "A"); !errors.Is(err, context.Canceled) {
		t.Errorf("Load: %v, want context.Canceled", err)
	}
	if _, err := m.Append(ctx, "A", 0, testEvent(1)); !errors.Is(err, context.Canceled) {
		t.Errorf("Append: %v, want context.Canceled", err)
	}
}
