package rules

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// decided lists the articles whose text leaves a decision that facts of a
// case can settle. Articles 1 and 4 to 7 state purpose, principles and
// parties; 25 and 27 concern staff discipline and the procuratorate's
// support; 30 is the date of effect.
var decided = []int{2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
	21, 22, 23, 24, 26, 28, 29}

// TestEveryArticleDecided walks articles 1 to 30 and fails for an article
// with a decision that no exported function or method cites in its doc
// comment, or whose functions have no runnable Example.
func TestEveryArticleDecided(t *testing.T) {
	pkg, examples := loadDocs(t)
	cites := map[int][]string{} // article -> functions citing it
	for _, f := range exportedFuncs(pkg) {
		for n := 1; n <= 30; n++ {
			if citesArticle(f.Doc, n) {
				cites[n] = append(cites[n], f.name)
			}
		}
	}
	for n := 1; n <= 30; n++ {
		if !contains(decided, n) {
			continue
		}
		funcs := cites[n]
		if len(funcs) == 0 {
			t.Errorf("Art. %d has a decision but no exported function cites it", n)
			continue
		}
		if !anyExample(funcs, examples) {
			t.Errorf("Art. %d: none of %v has an Example", n, funcs)
		}
	}
}

type namedFunc struct {
	name string
	Doc  string
}

func loadDocs(t *testing.T) (*doc.Package, map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files, tests []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.Name(), "_test.go") {
			tests = append(tests, f)
		} else {
			files = append(files, f)
		}
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/ecoconsult/ecoconsult/rules")
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]bool{}
	for _, ex := range doc.Examples(tests...) {
		if ex.Output != "" || ex.EmptyOutput {
			examples[ex.Name] = true
		}
	}
	return pkg, examples
}

func exportedFuncs(pkg *doc.Package) []namedFunc {
	var out []namedFunc
	for _, f := range pkg.Funcs {
		out = append(out, namedFunc{f.Name, f.Doc})
	}
	for _, typ := range pkg.Types {
		for _, f := range typ.Funcs {
			out = append(out, namedFunc{f.Name, f.Doc})
		}
		for _, m := range typ.Methods {
			out = append(out, namedFunc{typ.Name + "_" + m.Name, m.Doc})
		}
	}
	return out
}

func citesArticle(text string, n int) bool {
	re := regexp.MustCompile(`Art\. ` + strconv.Itoa(n) + `(\D|$)`)
	return re.MatchString(text)
}

func anyExample(funcs []string, examples map[string]bool) bool {
	for _, f := range funcs {
		if examples[f] {
			return true
		}
		for name := range examples {
			if strings.HasPrefix(name, f+"_") {
				return true
			}
		}
	}
	return false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
