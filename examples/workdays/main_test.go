package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	cases := []struct {
		name      string
		args      []string
		code      int
		firstLine string // the answer line; "" to skip
		stderr    string // a substring of stderr; "" for none expected
	}{
		{"kind adjusted sunday", []string{"kind", "2024-09-29"}, 0, "adjusted-workday", ""},
		{"kind holiday", []string{"kind", "2024-10-01"}, 0, "holiday", ""},
		{"add across national day", []string{"add", "2024-09-27", "5"}, 0, "2024-10-10", ""},
		{"add backwards", []string{"add", "2024-10-10", "-5"}, 0, "2024-09-27", ""},
		// 1 January 2024 is a holiday, so all 251 working days of 2024 count.
		{"between a year", []string{"between", "2024-01-01", "2024-12-31"}, 0, "251", ""},
		{"period workdays", []string{"period", "2024-09-27", "5", "workdays"}, 0, "2024-10-10", ""},
		{"period days", []string{"period", "2025-01-01", "30", "days"}, 0, "2025-02-05", ""},
		{"outside the data", []string{"kind", "2027-01-01"}, 1, "", "outside the covered days"},
		{"provisional", []string{"-provisional", "kind", "2027-01-01"}, 0, "holiday", ""},
		{"bad date", []string{"kind", "2024-13-01"}, 2, "", "invalid date"},
		{"bad count", []string{"add", "2024-01-01", "five"}, 2, "", "not a whole number"},
		{"bad unit", []string{"period", "2024-01-01", "5", "weeks"}, 2, "", "want workdays or days"},
		{"zero period", []string{"period", "2024-01-01", "0", "days"}, 2, "", "at least 1"},
		{"unknown command", []string{"when"}, 2, "", "unknown command"},
		{"no command", nil, 2, "", "no command"},
		{"wrong arity", []string{"add", "2024-01-01"}, 2, "", "takes 2 arguments"},
		{"one argument", []string{"kind"}, 2, "", "takes 1 argument,"},
		{"empty data flag", []string{"-data", "", "kind", "2024-01-01"}, 2, "", "needs a file name"},
		{"hint for provisional", []string{"kind", "2027-05-01"}, 1, "", "-provisional"},
		{"missing data file", []string{"-data", "/nonexistent/cal.txt", "kind", "2024-01-01"}, 1, "", "no such file"},
	}
	for _, tc := range cases {
		var out, errOut bytes.Buffer
		code := run(tc.args, &out, &errOut)
		if code != tc.code {
			t.Errorf("%s: workdays %v exit %d, want %d (stderr %q)", tc.name, tc.args, code, tc.code, errOut.String())
			continue
		}
		first, _, _ := strings.Cut(out.String(), "\n")
		if tc.firstLine != "" && first != tc.firstLine {
			t.Errorf("%s: workdays %v first line %q, want %q", tc.name, tc.args, first, tc.firstLine)
		}
		if tc.stderr != "" && !strings.Contains(errOut.String(), tc.stderr) {
			t.Errorf("%s: workdays %v stderr %q, want it to contain %q", tc.name, tc.args, errOut.String(), tc.stderr)
		}
		if tc.stderr == "" && errOut.Len() > 0 {
			t.Errorf("%s: workdays %v wrote to stderr: %q", tc.name, tc.args, errOut.String())
		}
	}
}

func TestYear(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"year", "2024"}, &out, &errOut); code != 0 {
		t.Fatalf("workdays year 2024: exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 366 {
		t.Fatalf("workdays year 2024 printed %d lines, want 366", len(lines))
	}
	want := map[int]string{
		0:   "2024-01-01\tholiday\t元旦",
		1:   "2024-01-02\tworkday\t",
		5:   "2024-01-06\tweekend\t",
		272: "2024-09-29\tadjusted-workday\t国庆节",
		274: "2024-10-01\tholiday\t国庆节",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], w)
		}
	}
}

func TestDataFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cal.txt")
	data := "notice 2030 - - test\noff 2030-01-01..2030-01-03 元旦\nwork 2030-01-05 元旦\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"-data", path, "add", "2029-12-31", "1"}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "outside") {
		t.Errorf("add from before the file's data: exit %d, stderr %q", code, errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"-data", path, "add", "2030-01-01", "2"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	// 2 and 3 January off, Friday 4 worked, Saturday 5 worked.
	if first, _, _ := strings.Cut(out.String(), "\n"); first != "2030-01-05" {
		t.Errorf("add 2030-01-01 2 with -data = %q, want 2030-01-05", first)
	}

	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("notice 2030 - - t\nwork 2030-01-02 元旦\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	code = run([]string{"-data", bad, "kind", "2030-01-02"}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "line 2") {
		t.Errorf("bad data file: exit %d, stderr %q, want the line named", code, errOut.String())
	}
}

// failWriter fails every write, like a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrorExitsOne(t *testing.T) {
	var errOut bytes.Buffer
	if code := run([]string{"year", "2024"}, failWriter{}, &errOut); code != 1 {
		t.Errorf("year 2024 to a failing writer: exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "closed") {
		t.Errorf("stderr %q does not report the write error", errOut.String())
	}
}
