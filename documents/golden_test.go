package documents

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

// loadCase replays a real case log of package consult's test data.
func loadCase(t testing.TB, name string) consult.Case {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "consult", "testdata", "cases", name))
	if err != nil {
		t.Fatal(err)
	}
	log, err := consult.ReadLog(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c, err := consult.Default().Replay(log.Events)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// replayUntil replays the events of a real case dated on or before day.
func replayUntil(t testing.TB, name string, day date.Date) consult.Case {
	t.Helper()
	var events []consult.Event
	for _, e := range loadCase(t, name).Events {
		if e.Head().Date <= day {
			events = append(events, e)
		}
	}
	c, err := consult.Default().Replay(events)
	if err != nil {
		t.Fatalf("%s until %s: %v", name, day, err)
	}
	return c
}

const (
	fire     = "01-hangzhou-linping-chemical-fire.json"
	stream   = "02-hangzhou-yuhang-baizhang-wastewater.json"
	dumping  = "03-huzhou-changxing-dumping-obligor-01.json"
	spill    = "05-ningbo-beilun-lubricant-spill.json"
	hangzhou = "杭州市生态环境局"
)

func hangzhouAgency() Agency {
	return Agency{Name: hangzhou, Address: "杭州市某区某路某号", Contact: "王某",
		Phone: "0571-00000000"}
}

// fireSteps words the three instalments of case 01, which the log
// describes in English.
var fireSteps = []string{"支付第一期赔偿款", "支付第二期赔偿款", "支付第三期款项（按实际发生的应急清理费用结算）"}

func fireNotice(t testing.TB) (Document, error) {
	return NewNotice(rules.Default(), loadCase(t, fire), NoticeFacts{
		Agency: hangzhouAgency(),
		Number: "杭环赔告〔2021〕1号",
		Damage: "2021年4月6日晚，你单位位于余杭区的化学品仓库发生火灾。灭火过程中产生的" +
			"含化学品消防废水经沟渠外溢，造成周边土壤、地下水、地表水及底泥污染。",
		ReplyMethod: "将书面答复当面递交或者邮寄至本机关（地址见文末）",
	})
}

func fireOpinion(t testing.TB) (Document, error) {
	return NewOpinion(rules.Default(), loadCase(t, fire), OpinionFacts{
		Agency: hangzhouAgency(),
		Number: "杭环赔意〔2021〕1号",
		Basis:  "《某化工企业仓库火灾生态环境损害鉴定评估报告》",
		Cause:  "某化工企业仓库火灾引发的生态环境损害赔偿",
		DamageFacts: "2021年4月6日晚，你单位化学品仓库发生火灾，含化学品的消防废水经沟渠外溢，" +
			"污染周边土壤、地下水、地表水及底泥。",
		Evidence:        []string{"现场勘查笔录及照片", "应急监测报告", "生态环境损害鉴定评估报告"},
		RestorationGoal: "受污染土壤、地下水、地表水及底泥中特征污染物浓度恢复至基线水平",
		GoalBasis:       "鉴定评估报告确定的基线水平及相关环境质量标准",
		CalculationBasis: "按鉴定评估报告核定的生态环境损害数额，加上修复效果评估费用、" +
			"调查和鉴定评估费用以及应急处置清理费用计算",
		PerformanceManner:   "分期支付至本机关指定的账户",
		PerformanceDeadline: d(2022, time.December, 31),
		ReplyMethod:         "将书面答复意见当面递交或者邮寄至本机关",
		RestorationPlan:     "清除受污染底泥并处置，对受污染土壤和地下水实施修复，修复后开展效果评估",
		RestorationStart:    d(2021, time.December, 31),
		RestorationDeadline: d(2022, time.December, 31),
	})
}

func fireAgreement(t testing.TB) (Document, error) {
	return NewAgreement(rules.Default(), loadCase(t, fire), AgreementFacts{
		Agency: hangzhouAgency(),
		Number: "杭环赔协〔2021〕1号",
		DamageFacts: "2021年4月6日晚，乙方化学品仓库发生火灾，含化学品的消防废水经沟渠外溢，" +
			"造成周边土壤、地下水、地表水及底泥污染。",
		Evidence: []string{"现场勘查笔录及照片", "应急监测报告", "生态环境损害鉴定评估报告"},
		Grounds:  "乙方的火灾事故造成生态环境损害，乙方应当承担生态环境损害赔偿责任。",
		Positions: "甲方于2021年11月5日送达的生态环境损害赔偿意见书，乙方无异议，" +
			"同意按该意见书赔偿。",
		PerformanceManner:     "乙方分三期将款项支付至甲方指定的账户",
		StepWording:           fireSteps,
		RestorationAssessment: "由甲方委托第三方机构对修复及治理效果进行评估，评估费用由乙方承担，已计入赔偿金额。",
		DisputeResolution:     "双方因履行本协议发生争议的，应当协商解决；协商不成的，依法处理。",
		ForceMajeure:          "因不可抗力不能按期履行的，乙方应当及时书面告知甲方并提供证明，双方协商调整履行期限。",
	})
}

func fireCooperation(t testing.TB) (Document, error) {
	return NewCooperationRecord(rules.Default(), loadCase(t, fire), CooperationFacts{
		Agency:      hangzhouAgency(),
		Number:      "杭环赔函〔2023〕1号",
		Date:        d(2023, time.January, 10),
		Recipient:   "杭州市临平区人民法院",
		StepWording: fireSteps,
	})
}

func dumpingMeetingNotice(t testing.TB) (Document, error) {
	return NewMeetingNotice(loadCase(t, dumping), MeetingNoticeFacts{
		Agency:  Agency{Name: "湖州市生态环境局", Address: "湖州市某区某路某号", Phone: "0572-00000000"},
		Number:  "湖环赔会〔2019〕3号",
		Meeting: 3,
		Time:    "上午9:00",
	})
}

func dumpingMinutes(t testing.TB) (Document, error) {
	return NewMinutes(loadCase(t, dumping), MinutesFacts{
		Agency:  Agency{Name: "湖州市生态环境局"},
		Meeting: 3,
		Start:   "9:00",
		End:     "11:30",
		Attendees: []Attendee{
			{Name: "周某", Role: RoleAgency, Organization: "湖州市生态环境局"},
			{Name: "赔偿义务人甲", Role: RoleObligor},
			{Name: "吴某", Role: RoleAssessor, Organization: "某环境科学研究院"},
		},
		Records: map[int]string{
			1: "记录员核对了各方参会人员的身份，参会人员均已到会；宣布了会议纪律和注意事项，介绍了主持人和参会人员。",
			2: "主持人宣布会议开始，介绍了案由，告知双方在磋商中的权利和义务。",
			3: "赔偿权利人代表陈述了调查评估情况，出示了现场勘查笔录和鉴定评估报告，提出赔偿意见。",
			4: "鉴定评估机构代表说明了土壤重金属污染的鉴定评估方法和结论。",
			5: "赔偿义务人对损害事实无异议，请求按份额分担赔偿责任并分期支付。",
			7: "双方就赔偿金额的分担和支付期限进行了磋商。",
		},
		Signed: []string{"周某", "赔偿义务人甲", "吴某"},
	})
}

func spillProxyChecklist(t testing.TB) (Document, error) {
	c := replayUntil(t, spill, d(2024, time.April, 10))
	c, err := consult.Default().Apply(c, consult.ProxyAuthorized{
		Header:              consult.Header{Date: d(2024, time.April, 12), Actor: consult.Obligor},
		ProxyName:           "陈某",
		OrganizationLicence: d(2024, time.April, 12),
		ProxyIDCopy:         d(2024, time.April, 12),
		PowerOfAttorney:     d(2024, time.April, 12),
		Matters:             []string{c.Number},
		From:                d(2024, time.April, 12),
		Until:               d(2024, time.June, 30),
		General:             true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return NewProxyChecklist(c, ProxyFacts{
		Agency: Agency{Name: "宁波市生态环境局北仑分局", Address: "宁波市北仑区某路某号"},
		Number: "仑环赔核〔2024〕1号",
		Date:   d(2024, time.April, 15),
		Proxy:  "陈某",
		Act:    rules.ActAgreeAndSign,
		Day:    d(2024, time.April, 19),
	})
}

func spillDisclosure(t testing.TB) (Document, error) {
	return NewDisclosure(loadCase(t, spill), DisclosureFacts{
		Agency: Agency{Name: "宁波市生态环境局北仑分局", Address: "宁波市北仑区某路某号",
			Phone: "0574-00000000"},
		Summary: "2024年1月15日，赔偿义务人厂区内泄漏的润滑油经冲洗进入雨水井，" +
			"通过雨水管网流入附近河道，造成河道水体化学需氧量超标。",
		StepWording: []string{"支付生态环境损害赔偿金"},
	})
}

func streamDisclosure(t testing.TB) (Document, error) {
	return NewDisclosure(loadCase(t, stream), DisclosureFacts{
		Agency: Agency{Name: "杭州市生态环境局余杭分局", Address: "杭州市余杭区某路某号",
			Phone: "0571-00000000"},
		Summary: "2021年5月8日夜间，一桶废水在运输途中倾倒，经雨水沟渠流入百丈溪，" +
			"应急处置中抽取受污染溪水约900吨。",
		StepWording: []string{"支付应急处置费用"},
	})
}

// goldenDocuments lists the documents of the golden tests, one for each
// kind of document, on the real cases of package consult.
var goldenDocuments = []struct {
	name  string
	build func(testing.TB) (Document, error)
}{
	{"notice", fireNotice},
	{"opinion", fireOpinion},
	{"meeting-notice", dumpingMeetingNotice},
	{"minutes", dumpingMinutes},
	{"proxy-checklist", spillProxyChecklist},
	{"agreement", fireAgreement},
	{"disclosure-legal-person", spillDisclosure},
	{"disclosure-natural-person", streamDisclosure},
	{"cooperation", fireCooperation},
}

func TestGolden(t *testing.T) {
	for _, g := range goldenDocuments {
		t.Run(g.name, func(t *testing.T) {
			doc, err := g.build(t)
			if err != nil {
				t.Fatal(err)
			}
			text, err := Text(doc)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			html, err := HTML(doc)
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			compareGolden(t, g.name+".txt", text)
			compareGolden(t, g.name+".html", html)
		})
	}
}

// compareGolden compares got with the file name in testdata/golden, or
// rewrites the file with -update.
func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./documents -run TestGolden -update to create it", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}
