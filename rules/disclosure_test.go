package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestMaskName(t *testing.T) {
	cases := []struct {
		name  string
		input string
		want  string
	}{
		{"art26 two characters", "张三", "张某"},
		{"art26 three characters", "王小明", "王某"},
		{"art26 compound surname", "欧阳修", "欧阳某"},
		{"art26 compound surname long", "司马相如", "司马某"},
		{"art26 compound surname ximen", "西门庆", "西门某"},
		{"art26 compound start two chars", "欧阳", "欧某"},
		{"art26 one character", "张", "张某"},
		{"art26 already masked", "张某", "张某"},
		{"art26 compound already masked", "诸葛某", "诸葛某"},
		{"art26 latin name", "John Smith", "J某"},
		{"art26 pinyin name", "Zhang San", "Z某"},
		{"art26 minority name", "买买提·艾力", "买某"},
		{"art26 spaces trimmed", "  李四 ", "李某"},
		{"art26 empty", "", ""},
		{"art26 blank", " \u3000", ""},
	}
	for _, tc := range cases {
		if got := MaskName(tc.input); got != tc.want {
			t.Errorf("%s: MaskName(%q) = %q, want %q", tc.name, tc.input, got, tc.want)
		}
	}
}

func TestMaskNameKeepsRoles(t *testing.T) {
	for _, role := range []string{"赔偿义务人甲", "赔偿义务人03"} {
		if got := MaskName(role); got != role {
			t.Errorf("art26 MaskName(%q) = %q, want the role unchanged", role, got)
		}
	}
	// A real name after the role word is masked like any name.
	if got := MaskName("赔偿义务人张三"); got == "赔偿义务人张三" {
		t.Errorf("art26 MaskName(赔偿义务人张三) kept the name")
	}
}

func TestMaskForPublication(t *testing.T) {
	natural := Person{"欧阳修", "110101199001011234", "13800000000",
		"杭州市西湖区某路1号", false}
	company := Person{"杭州某化工有限公司", "91330100MA2XXXXXX1",
		"0571-88888888", "杭州市钱塘区", true}
	cases := []struct {
		name  string
		input Person
		want  Person
	}{
		{"art26 natural person", natural, Person{Name: "欧阳某"}},
		{"art26 legal person in full", company, company},
		{"art26 empty natural person", Person{}, Person{}},
	}
	for _, tc := range cases {
		if diff := cmp.Diff(tc.want, MaskForPublication(tc.input)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
		}
	}
}

// drawNaturalPerson draws a natural person with realistic personal data:
// an 18-character ID number, an 11-digit phone and an address of at
// least four characters, so that none can appear inside a masked name.
func drawNaturalPerson(t *rapid.T) Person {
	digits := rapid.RuneFrom([]rune("0123456789"))
	id := rapid.StringOfN(digits, 17, 17, -1).Draw(t, "id") +
		rapid.SampledFrom([]string{"X", "7"}).Draw(t, "check")
	return Person{
		Name: rapid.OneOf(rapid.String(),
			rapid.StringOf(rapid.RuneFrom([]rune("欧阳司马张三李某 ")))).
			Draw(t, "name"),
		IDNumber: id,
		Phone:    "1" + rapid.StringOfN(digits, 10, 10, -1).Draw(t, "phone"),
		Address: rapid.StringOfN(rapid.RuneFrom([]rune("杭州市西湖区路号弄")),
			4, 20, -1).Draw(t, "address"),
	}
}

func TestMaskForPublicationHidesPersonalData(t *testing.T) {
	// Art. 26: nothing published for a natural person contains the ID
	// number, phone or address.
	rapid.Check(t, func(t *rapid.T) {
		p := drawNaturalPerson(t)
		got := MaskForPublication(p)
		published := strings.Join([]string{got.Name, got.IDNumber,
			got.Phone, got.Address}, "|")
		for _, secret := range []string{p.IDNumber, p.Phone, p.Address} {
			if strings.Contains(published, secret) {
				t.Fatalf("published %q contains %q", published, secret)
			}
		}
	})
}

func TestMaskForPublicationIdempotent(t *testing.T) {
	// Art. 26: masking a published record again changes nothing.
	rapid.Check(t, func(t *rapid.T) {
		p := drawNaturalPerson(t)
		p.Organization = !rapid.Bool().Draw(t, "natural")
		once := MaskForPublication(p)
		if twice := MaskForPublication(once); twice != once {
			t.Fatalf("masking %+v again gave %+v", once, twice)
		}
	})
}

func TestMaskForPublicationKeepsInput(t *testing.T) {
	// Art. 26: the caller's record is never changed.
	rapid.Check(t, func(t *rapid.T) {
		p := drawNaturalPerson(t)
		p.Organization = !rapid.Bool().Draw(t, "natural")
		saved := p
		MaskForPublication(p)
		if p != saved {
			t.Fatalf("input changed from %+v to %+v", saved, p)
		}
	})
}

func TestMaskNameShape(t *testing.T) {
	// Art. 26: a masked name is empty or at most two characters of the
	// name followed by 某.
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.String().Draw(t, "name")
		got := MaskName(name)
		if strings.TrimSpace(name) == "" {
			if got != "" {
				t.Fatalf("MaskName(%q) = %q, want empty", name, got)
			}
			return
		}
		surname, ok := strings.CutSuffix(got, "某")
		if !ok || surname == "" || len([]rune(surname)) > 2 {
			t.Fatalf("MaskName(%q) = %q, want one or two characters and 某", name, got)
		}
	})
}
