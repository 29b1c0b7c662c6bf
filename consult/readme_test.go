package consult

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestReadmeGoBuilds builds each Go block of the README as a program of
// its own module, which uses this repository through a replace
// directive, so the API tour cannot drift from the API.
func TestReadmeGoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with the go command")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}

	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(readme), "```go\n")[1:]
	if len(blocks) == 0 {
		t.Fatal("README.md has no Go block")
	}

	for i, block := range blocks {
		code, _, _ := strings.Cut(block, "```")
		dir := t.TempDir()
		mod := "module readme\n\ngo 1.26\n\n" +
			"require github.com/ecoconsult/ecoconsult v0.0.0\n\n" +
			"replace github.com/ecoconsult/ecoconsult => " + root + "\n"
		for name, content := range map[string]string{"go.mod": mod, "main.go": code, "go.sum": string(sum)} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}

		cmd := exec.Command(goTool, "build", "-mod=mod", "-o", os.DevNull, ".")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("Go block %d of README.md does not build: %v\n%s\n%s", i+1, err, out, code)
		}
	}
}
