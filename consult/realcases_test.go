package consult

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// loadCase replays a case file of testdata/cases.
func loadCase(t *testing.T, name string) Case {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases", name))
	if err != nil {
		t.Fatal(err)
	}
	log, err := ReadLog(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c, err := Default().Replay(log.Events)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// replayUntil replays the events of a case file dated on or before day.
func replayUntil(t *testing.T, name string, day date.Date) Case {
	t.Helper()
	full := loadCase(t, name)
	var log []Event
	for _, e := range full.Events {
		if e.Head().Date <= day {
			log = append(log, e)
		}
	}
	return replay(t, log)
}

func TestRealCasesReplay(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	for _, f := range files {
		c := loadCase(t, filepath.Base(f))
		if c.Stage != Performed {
			t.Errorf("%s: stage %s, want performed: every reported agreement was paid", f, c.Stage)
		}
		for _, e := range c.Events {
			if !strings.HasPrefix(e.Head().Note, "assumed") && !strings.HasPrefix(e.Head().Note, "exact") {
				t.Errorf("%s: %s of %s has no note saying whether its date is assumed", f, e.Type(), e.Head().Date)
			}
		}
	}
}

func TestRealCaseAgendas(t *testing.T) {
	cases := []struct {
		name   string
		day    date.Date
		action string
		due    date.Date
		cite   rules.Citation
	}{
		// 01: notice served Monday 2021-11-01; five working days.
		{"01-hangzhou-linping-chemical-fire.json", d(2021, 11, 2), "answer the consultation notice in writing", d(2021, 11, 8), rules.Art(8).Para(3)},
		// The opinion letter of Friday 2021-11-05: seven working days.
		{"01-hangzhou-linping-chemical-fire.json", d(2021, 11, 6), "reply to the opinion letter in writing", d(2021, 11, 16), rules.Art(10).Para(3)},
		// Accepted 2021-11-12: the agency signs within seven working days.
		{"01-hangzhou-linping-chemical-fire.json", d(2021, 11, 13), "sign the agreement with the obligor", d(2021, 11, 23), rules.Art(11)},
		// Effective 2021-11-19: day 30 is Sunday 19 December.
		{"01-hangzhou-linping-chemical-fire.json", d(2021, 11, 20), "apply to the court for judicial confirmation", d(2021, 12, 20), rules.Art(19)},
		{"02-hangzhou-yuhang-baizhang-wastewater.json", d(2021, 7, 13), "reply to the opinion letter in writing", d(2021, 7, 21), rules.Art(10).Para(3)},
		// 03: served Monday 2019-04-01; 5 to 7 April off for Qingming.
		{"03-huzhou-changxing-dumping-obligor-01.json", d(2019, 4, 2), "answer the consultation notice in writing", d(2019, 4, 9), rules.Art(8).Para(3)},
		{"03-huzhou-changxing-dumping-obligor-01.json", d(2019, 4, 16), "reply to the opinion letter in writing", d(2019, 4, 24), rules.Art(10).Para(3)},
		// After the meeting of 2019-04-26 the usual gap crosses Labour Day
		// as amended in March 2019: 28 April and 5 May worked, 1 to 4 May
		// off.
		{"03-huzhou-changxing-dumping-obligor-01.json", d(2019, 4, 27), "hold the next meeting within the usual gap (a later day needs a recorded reason)", d(2019, 5, 8), rules.Art(15)},
		// Effective 2019-06-28: day 30 is Sunday 28 July.
		{"03-huzhou-changxing-dumping-obligor-01.json", d(2019, 6, 29), "apply to the court for judicial confirmation", d(2019, 7, 29), rules.Art(19)},
		// 05: the opinion letter of 2024-04-01 was due by 11 April (4 to 6
		// April off, Sunday 7 April worked); accepted 10 April, so the
		// agreement of 19 April is on the last day of Art. 11.
		{"05-ningbo-beilun-lubricant-spill.json", d(2024, 4, 2), "reply to the opinion letter in writing", d(2024, 4, 11), rules.Art(10).Para(3)},
		{"05-ningbo-beilun-lubricant-spill.json", d(2024, 4, 11), "sign the agreement with the obligor", d(2024, 4, 19), rules.Art(11)},
		// Effective 2024-04-19: day 30 is Sunday 19 May.
		{"05-ningbo-beilun-lubricant-spill.json", d(2024, 4, 20), "apply to the court for judicial confirmation", d(2024, 5, 20), rules.Art(19)},
	}
	for _, tc := range cases {
		c := replayUntil(t, tc.name, tc.day)
		it := agendaItem(t, c, tc.day, tc.action)
		if it.Due != tc.due || it.Citation != tc.cite || it.Overdue {
			t.Errorf("%s on %s: %q due %s under %s (overdue %v), want %s under %s",
				tc.name, tc.day, tc.action, it.Due, it.Citation, it.Overdue, tc.due, tc.cite)
		}
	}
}

func TestRealCaseDistricts(t *testing.T) {
	// 临平区 was created on 2021-04-09; the fire of 2021-04-06 happened in
	// 余杭区.
	c := loadCase(t, "01-hangzhou-linping-chemical-fire.json")
	if c.District.Name != "余杭区" {
		t.Errorf("district %q, want 余杭区", c.District.Name)
	}
	// Case 03 is fourteen consultations under one case number.
	seen := map[string]bool{}
	var number string
	for i := 1; i <= 14; i++ {
		name := filepath.Base(filepath.Join("x", "03-huzhou-changxing-dumping-obligor-"+
			string(rune('0'+i/10))+string(rune('0'+i%10))+".json"))
		c := loadCase(t, name)
		if number != "" && c.Number != number {
			t.Errorf("%s: case number %q, want the shared %q", name, c.Number, number)
		}
		number = c.Number
		seen[c.Obligor.Name] = true
	}
	if len(seen) != 14 {
		t.Errorf("%d distinct obligors, want 14", len(seen))
	}
}
