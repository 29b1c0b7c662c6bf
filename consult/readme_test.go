package consult

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeDiagram keeps the procedure drawn in the README equal to the
// table Apply uses.
func TestReadmeDiagram(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```mermaid\n")
	if !ok {
		t.Fatal("README.md has no mermaid block")
	}
	block, _, _ := strings.Cut(rest, "```")
	if block != Mermaid() {
		t.Errorf("the README's diagram differs from Mermaid(); replace the block "+
			"with the output of consult.Mermaid():\n%s", Mermaid())
	}
}

func TestGraphvizHasEveryStage(t *testing.T) {
	dot := Graphviz()
	for _, s := range Stages() {
		if !strings.Contains(dot, "\t"+string(s)+" [label=") {
			t.Errorf("Graphviz has no node for %s", s)
		}
	}
	for _, tr := range Transitions() {
		if tr.From != tr.To && !strings.Contains(dot, string(tr.From)+" -> "+string(tr.To)) {
			t.Errorf("Graphviz has no edge %s -> %s", tr.From, tr.To)
		}
	}
}

func TestEveryStageAndEventIndexed(t *testing.T) {
	for _, s := range Stages() {
		if stageIndex(s) < 0 {
			t.Errorf("stage %s has no index", s)
		}
	}
	seen := map[int]EventType{}
	for _, tr := range Transitions() {
		i := eventIndex(tr.Event)
		if i < 0 || i >= numEventTypes {
			t.Errorf("event %s has index %d", tr.Event, i)
		}
		if other, ok := seen[i]; ok && other != tr.Event {
			t.Errorf("events %s and %s share index %d", other, tr.Event, i)
		}
		seen[i] = tr.Event
	}
}
