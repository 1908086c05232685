package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// realCorpusDir holds the 119 real PLA Daily articles (GBK, CRLF) of the development tree.
var realCorpusDir = filepath.Join(sharedDir, "corpus", "jfjb")

// readReal returns the bytes of one real article file (path relative to realCorpusDir/txt),
// or skips the test where the corpus is absent (a user's clone has no ../shared).
func readReal(t testing.TB, rel string) (path string, data []byte) {
	t.Helper()
	path = filepath.Join(realCorpusDir, "txt", filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("skipping: real corpus file %s is absent (it is in the development tree only)", path)
		}
		t.Fatal(err)
	}
	return path, data
}

// wantDiag is a diagnostic expected on an article: its kind and line.
type wantDiag struct {
	kind Kind
	line int
}

// wantArticle is every field of one article, written down by hand from the file (read in
// its UTF-8 copy, line by line). Body paragraph counts, character counts and first/last
// paragraphs were computed independently with a 30-line python3 script (body lines
// between 〖ZW/正文〗 and 〖-ZW/正文〗, 4-space indent and trailing blanks removed, blank
// lines dropped, a trailing "RW：…" cut; len() of Python str counts code points as
// BodyChars counts runes).
type wantArticle struct {
	file      string // under txt/
	serial    int
	date      Date
	dateRaw   string
	page      int
	item      int
	kicker    string
	title     string
	subtitles []string
	authors   []string
	unit      string
	class     string
	column    string
	pageName  string
	topics    []string
	genres    []string
	rw        []string
	rwSource  RWSource
	paras     int
	bodyChars int
	first     string // first paragraph, exactly
	last      string // last paragraph, exactly
	diags     []wantDiag
}

var handChecked = []wantArticle{
	{
		// RW from GJ, mixing names and an event: 美苏（苏联）关系RW：赫鲁晓夫/肯尼迪/互致信件.
		file: "1962/196210/19621029/196210290305.TXT", serial: 1950,
		date: Date{1962, time.October, 29}, dateRaw: "19621029", page: 3, item: 5,
		title:  "赫鲁晓夫肯尼迪互致信件",
		topics: []string{"美苏（苏联）关系"}, genres: []string{"新华社通讯"},
		rw: []string{"赫鲁晓夫", "肯尼迪", "互致信件"}, rwSource: RWFromGJ,
		paras: 25, bodyChars: 2406,
		first: "赫鲁晓夫27日的信",
		last:  "白宫发言人说，肯尼迪的复信既答复赫鲁晓夫10月26日给他的信，也答复27日上午莫斯科电台广播的信件。",
	},
	{
		// RW in the body tail (line 34: "    本报记者 江志顺摄（照片）RW：江泽民；主席；乔石；委员长"),
		// no GJ at all.
		file: "1993/199303/19930328/199303280101.TXT", serial: 12861,
		date: Date{1993, time.March, 28}, dateRaw: "19930328", page: 1, item: 1,
		kicker:   "八届全国人大一次会议选出新的国家领导人",
		title:    "国家主席军委主席江泽民委员长乔石",
		pageName: "头版", genres: []string{"新华社通讯"},
		rw: []string{"江泽民", "主席", "乔石", "委员长"}, rwSource: RWFromBody,
		paras: 25, bodyChars: 1277,
		first: "国家副主席荣毅仁 副委员长田纪云、王汉斌、倪志福、陈慕华、费孝通、孙起孟、雷洁琼、秦基伟、李锡铭、王丙乾、帕巴拉·格列朗杰、王光英、程思远、卢嘉锡、布赫、铁木尔·达瓦买提、甘苦、李沛瑶、吴阶平 秘书长曹志",
		last:  "本报记者 江志顺摄（照片）",
	},
	{
		// ZZ is "梁陆涛〖HH/换行〗DW：撤销后，…〖HH/换行〗…〖HH/换行〗梁陆涛摄": 32 segments split on
		// 〖HH/换行〗, the name then 31 segments of body text (the first behind a spurious
		// "DW："). The body has 19 lines in ZW + 31 spilled = 50 paragraphs.
		file: "1985/198507/19850725/198507250101.TXT", serial: 10058,
		date: Date{1985, time.July, 25}, dateRaw: "19850725", page: 1, item: 1,
		title:    "吕行硕留守记",
		authors:  []string{"梁陆涛"},
		pageName: "头版", genres: []string{"通讯", "照片", "图片", "图片新闻"},
		paras: 50, bodyChars: 4418,
		first: "《解放军报》6月20日一版刊登了《“留守团长”吕行硕——两袖清风严把门》的报道后，不少同志对我说：吕行硕可是个关键时刻过得硬的人物，应该好好写写他！言外之意，只给吕团长写个几百字的新闻“不够劲”。强烈的责任感驱使我二进太行山，再访吕行硕和他的同事。果然不虚此行。一个个感人的故事，使吕行硕的形象在我脑海里变得更加丰满了。",
		last:  "梁陆涛摄",
		diags: []wantDiag{{KindBodyInAuthor, 6}},
	},
	{
		// Two FT lines (one subtitle cut in the middle of 质量); ZZ ends "〖HH/换行〗DW：" with
		// an empty unit; GJ "征兵工作RW：" with an empty RW list.
		file: "1997/199710/19971030/199710300102.TXT", serial: 14538,
		date: Date{1997, time.October, 30}, dateRaw: "19971030", page: 1, item: 2,
		title:     "把优秀青年送到部队去",
		subtitles: []string{"华东六省市十九万高中毕业生踊跃应征 广东珠海市采取措施确保兵员质", "量 天津东丽区劳务输出为征兵让路"},
		authors:   []string{"王传军", "韩贺彬", "李闵", "陈诗荣", "李久良", "刘海芙"},
		topics:    []string{"征兵工作"}, genres: []string{"消息"},
		paras: 11, bodyChars: 885,
		first: "○华东六省市十九万高中毕业生踊跃应征",
		last:  "东丽区位于天津市环渤海经济发展新区，每年的劳务输出 占全区经济收入的很大比例。东丽区党委书记郑树阳、区长陈章伟听取了外经贸部门的劳务输出汇报和武装部的征兵工作汇报后，发现计划劳务输出的青年85％为应征适龄青年，当即决定劳务输出要为新兵征集让路，宁可区里的经济受损失，也要确保把本区的优秀儿女送到部队去。这一决定宣布后，原来准备出国从事劳务的青年，纷纷到武装部报名参军。",
		diags: []wantDiag{{KindEmptyRW, 9}},
	},
	{
		// A photo with no ZW at all.
		file: "1961/196107/19610712/196107120302.TXT", serial: 1549,
		date: Date{1961, time.July, 12}, dateRaw: "19610712", page: 3, item: 2,
		title: "图片", authors: []string{"杨泽民"}, column: "党团生活",
		topics: []string{"图片新闻"}, genres: []string{"照片", "图片", "图片新闻"},
	},
	{
		// Merged genres: TC "公文照片；图片；图片新闻".
		file: "1958/195808/19580804/195808040101.TXT", serial: 515,
		date: Date{1958, time.August, 4}, dateRaw: "19580804", page: 1, item: 1,
		title: "毛泽东和赫鲁晓夫会谈公报", authors: []string{"侯波"}, pageName: "头版",
		topics: []string{"中苏关系", "会谈公报", "附图片"},
		genres: []string{"公文", "照片", "图片", "图片新闻"},
		rw:     []string{"毛泽东", "会见外宾"}, rwSource: RWFromGJ,
		paras: 29, bodyChars: 2189,
		first: "从1958年7月31日到8月3日，中国共产党中央委员会主席、中华人民共和国主席毛泽东和苏联共产党中央委员会第一书记、苏联部长会议主席尼·谢·赫鲁晓夫，在北京举行了会谈。",
		last:  "毛泽东同志和赫鲁晓夫同志在公报上签字。       新华社记者 侯波摄",
	},
	{
		// FL "D6029RW": RW glued to the classification.
		file: "1959/195910/19591002/195910020206.TXT", serial: 935,
		date: Date{1959, time.October, 2}, dateRaw: "19591002", page: 2, item: 6,
		title: "图片", authors: []string{"孟庆彪"}, class: "D6029",
		genres: []string{"照片", "图片", "图片新闻"},
		paras:  2, bodyChars: 46,
		first: "国务院副总理兼国防部长林彪元帅向全体陆、海、空军和全体民兵宣读国防部命令",
		last:  "新华社记者 孟庆彪摄",
		diags: []wantDiag{{KindGluedRW, 7}},
	},
	{
		// 镕 (GBK E9 46, not in GB2312; its trail byte is ASCII "F") in FT and body. The
		// corpus has no 萩: see TestGBKOnlyCharacters. "？" stands for "、" in FT as printed.
		file: "1991/199105/19910517/199105170103.TXT", serial: 12180,
		date: Date{1991, time.May, 17}, dateRaw: "19910517", page: 1, item: 3,
		title:     "陈云听取上海改革开放市政建设汇报",
		subtitles: []string{"书写“不唯上？不唯书？只唯实，交换？比较？反复”条幅分送勉励朱镕基等"},
		authors:   []string{"陈毛弟"}, pageName: "头版", genres: []string{"新华社通讯"},
		paras: 2, bodyChars: 110,
		first: "陈云同志将书写的“不唯上、不唯书、只唯实，交换、比较、反复”的条幅，分送给朱镕基、吴邦国、黄菊。",
		last:  "在这之前，朱镕基、黄菊、吴邦国、陈至立、倪鸿福、陈国栋、胡立教、汪道涵等同志看望过陈云同志，陈云同志和大家进行了亲切的谈话。",
	},
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkWant compares every field of a with w; path is the file the article came from.
func checkWant(t *testing.T, a *Article, w wantArticle, path string) {
	t.Helper()
	str := func(field, got, want string) {
		if got != want {
			t.Errorf("%s: %s = %q, want %q", w.file, field, got, want)
		}
	}
	num := func(field string, got, want int) {
		if got != want {
			t.Errorf("%s: %s = %d, want %d", w.file, field, got, want)
		}
	}
	list := func(field string, got, want []string) {
		if !sameStrings(got, want) {
			t.Errorf("%s: %s = %q, want %q", w.file, field, got, want)
		}
	}
	str("Path", a.Path, path)
	num("Line", a.Line, 1)
	num("Serial", a.Serial, w.serial)
	if a.Date != w.date {
		t.Errorf("%s: Date = %v, want %v", w.file, a.Date, w.date)
	}
	str("DateRaw", a.DateRaw, w.dateRaw)
	num("Page", a.Page, w.page)
	num("Item", a.Item, w.item)
	str("Kicker", a.Kicker, w.kicker)
	str("Title", a.Title, w.title)
	list("Subtitles", a.Subtitles, w.subtitles)
	list("Authors", a.Authors, w.authors)
	str("AuthorUnit", a.AuthorUnit, w.unit)
	str("Classification", a.Classification, w.class)
	str("Column", a.Column, w.column)
	str("PageName", a.PageName, w.pageName)
	list("Topics", a.Topics, w.topics)
	list("Genres", a.Genres, w.genres)
	list("RW", a.RW, w.rw)
	str("RWSource", string(a.RWSource), string(w.rwSource))
	num("paragraphs", len(a.Body), w.paras)
	num("BodyChars", a.BodyChars(), w.bodyChars)
	if w.paras > 0 && len(a.Body) > 0 {
		str("first paragraph", a.Body[0], w.first)
		str("last paragraph", a.Body[len(a.Body)-1], w.last)
	}
	if len(a.Extra) != 0 {
		t.Errorf("%s: Extra = %v, want none", w.file, a.Extra)
	}
	for i, p := range a.Body {
		if strings.ContainsAny(p, "〖〗\r\n") || strings.HasPrefix(p, " ") || strings.Contains(p, "RW：") {
			t.Errorf("%s: paragraph %d has markup, a line end, indentation or an RW list: %q", w.file, i+1, clip(p, 60))
		}
	}
	if len(a.Diagnostics) != len(w.diags) {
		t.Errorf("%s: diagnostics %v, want %v", w.file, a.Diagnostics, w.diags)
		return
	}
	for i, d := range a.Diagnostics {
		if d.Kind != w.diags[i].kind || d.Line != w.diags[i].line || d.Path != path || d.Message == "" {
			t.Errorf("%s: diagnostic %d = %v, want %s at line %d", w.file, i, d, w.diags[i].kind, w.diags[i].line)
		}
	}
}

func TestRealArticlesEveryField(t *testing.T) {
	for _, w := range handChecked {
		t.Run(filepath.Base(w.file), func(t *testing.T) {
			path, data := readReal(t, w.file)
			arts, diags := ParseBytes(path, data)
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1 (diagnostics %v)", len(arts), diags)
			}
			checkWant(t, arts[0], w, path)
			// A single-article file has no diagnostics beyond its article's.
			if len(diags) != len(arts[0].Diagnostics) {
				t.Errorf("file diagnostics %v, article diagnostics %v", diags, arts[0].Diagnostics)
			}
		})
	}
}

// The spilled ZZ text is appended in order after the 19 ZW paragraphs: paragraph 20 is the
// first ZZ segment without its spurious "DW：", and the diagnostic counts 31 paragraphs
// (32 segments of ZZ split on 〖HH/换行〗, less the name; counted with python3).
func TestRealBodyInAuthorSpill(t *testing.T) {
	path, data := readReal(t, "1985/198507/19850725/198507250101.TXT")
	arts, _ := ParseBytes(path, data)
	if len(arts) != 1 || len(arts[0].Body) != 50 {
		t.Fatalf("want 1 article with 50 paragraphs, got %d articles", len(arts))
	}
	a := arts[0]
	if got, want := a.Body[18], "“你还是个党员吗”吕行硕患有心脏病，可他还是忍不住跟人家拍了桌子"; got != want {
		t.Errorf("paragraph 19 (last ZW line) = %q, want %q", got, want)
	}
	if got, want := a.Body[19], "撤销后，如何妥善处理转业干部中出现的问题，也让他绞了不少脑汁。应该说，多数干部体谅领导的困难，服从安排，风气比较正，但也有少数同志不那么自觉。"; got != want {
		t.Errorf("paragraph 20 (first spilled) = %q, want %q", got, want)
	}
	// Segment 25 holds a "/" that must not split it as author names are split.
	if got, want := a.Body[19+24], "“老大结婚的时候，你不管/如今工程团撤销了，你还把那么紧干啥！”"; got != want {
		t.Errorf("paragraph 44 = %q, want %q", got, want)
	}
	if a.AuthorUnit != "" || len(a.Authors) != 1 {
		t.Errorf("authors %q unit %q, want [梁陆涛] and no unit", a.Authors, a.AuthorUnit)
	}
	if msg := a.Diagnostics[0].Message; !strings.Contains(msg, "31 ") {
		t.Errorf("body_in_author message %q does not count 31 paragraphs", msg)
	}
}

// TestGBKOnlyCharacters: the real corpus has no 萩 (a python3 scan of every file decoded as
// GBK and re-encoded as GB2312 lists the GBK-only characters: · — 崑 昉 礽 袪 謴 鋆 镕 馼 駦).
// 镕 is checked in the RW list of a real article; 萩 (GBK C8 63) in a real article whose
// title is rewritten with it and encoded back to GBK.
func TestGBKOnlyCharacters(t *testing.T) {
	path, data := readReal(t, "1999/199910/19991001/199910010101.TXT")
	arts, _ := ParseBytes(path, data)
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1", len(arts))
	}
	// GJ: 建国五十周年；国庆招待会RW：江泽民；李鹏；李瑞环；胡锦涛；尉健行；李岚清；朱镕基；出席会议
	want := []string{"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基", "出席会议"}
	if !sameStrings(arts[0].RW, want) {
		t.Errorf("RW %q, want %q", arts[0].RW, want)
	}
	if got := arts[0].Authors; !sameStrings(got, []string{"赵川东", "李安定", "韩振军"}) {
		t.Errorf("authors %q", got)
	}

	_, data = readReal(t, "1961/196107/19610712/196107120302.TXT")
	gbkTitle := []byte{0xC8, 0x63, 0xD4, 0xAD} // 萩原 in GBK
	if string(encodeGBK(t, "萩原")) != string(gbkTitle) {
		t.Fatalf("encoder: 萩原 is % X in GBK, want % X", encodeGBK(t, "萩原"), gbkTitle)
	}
	title := encodeGBK(t, "〖BT/标题〗图片〖-BT/标题〗")
	if !strings.Contains(string(data), string(title)) {
		t.Fatal("the title line of 196107120302 was not found")
	}
	newTitle := encodeGBK(t, "〖BT/标题〗萩原的图片〖-BT/标题〗")
	data = []byte(strings.Replace(string(data), string(title), string(newTitle), 1))
	if utf8.Valid(data) {
		t.Fatal("the rewritten file must stay GBK")
	}
	arts, diags := ParseBytes("hagi.TXT", data)
	if len(arts) != 1 || arts[0].Title != "萩原的图片" || len(diags) != 0 {
		t.Errorf("GBK-only 萩: %d articles, title %q, diagnostics %v; want title 萩原的图片 and none", len(arts), arts[0].Title, diags)
	}
	if text, enc, bad := Decode(data); enc != EncodingGB18030 || bad != 0 || !strings.Contains(text, "萩原") {
		t.Errorf("Decode: encoding %s, %d invalid, 萩原 found %v", enc, bad, strings.Contains(text, "萩原"))
	}
}

// realDiagnostic is one diagnostic of the whole real corpus by file name and kind.
type realDiagnostic struct {
	file string
	kind Kind
	line int
}

// TestRealCorpusWhole reads the 119 real files as a folder. The diagnostics were verified
// independently with grep on the UTF-8 copies: "RW：〖-GJ" in two files (empty_rw), a
// classification ending "RW〖-FL" in one (glued_rw), and of the four files whose ZZ holds
// 〖HH/换行〗 only 198507250101 carries prose (the others end "DW：〖-ZZ"). No file has
// 加重, 〖JZ or an unknown tag; 4 files have no 〖ZW/正文〗; each file has one 〖ZQ.
func TestRealCorpusWhole(t *testing.T) {
	dir := filepath.Join(realCorpusDir, "txt")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: real corpus %s is absent (it is in the development tree only)", dir)
	}
	var diags []Diagnostic
	var files []string
	var fileBytes int64
	arts, sum, err := ReadAll([]string{dir}, Options{
		OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) },
		OnFile: func(path string, n, articles int) {
			files = append(files, path)
			fileBytes += int64(n)
			if articles != 1 {
				t.Errorf("%s: OnFile says %d articles, want 1", path, articles)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Sizes and order checked against the file system.
	var statBytes int64
	var walked []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			statBytes += info.Size()
			walked = append(walked, path)
		}
		return nil
	})
	if sum.Bytes != statBytes || fileBytes != statBytes || !sameStrings(files, walked) {
		t.Errorf("bytes: summary %d, OnFile %d, on disk %d; OnFile saw %d files in order %v", sum.Bytes, fileBytes, statBytes, len(files), sameStrings(files, walked))
	}
	if len(arts) != 119 || sum.Articles != 119 || sum.Files != 119 || sum.SkippedTotal() != 0 {
		t.Errorf("articles %d (summary %d), files %d, skipped %d; want 119, 119, 119, 0", len(arts), sum.Articles, sum.Files, sum.SkippedTotal())
	}
	if sum.Encodings[string(EncodingGB18030)] != 119 {
		t.Errorf("encodings %v, want all 119 GB18030", sum.Encodings)
	}
	var got []realDiagnostic
	for _, d := range diags {
		got = append(got, realDiagnostic{filepath.Base(d.Path), d.Kind, d.Line})
	}
	sort.Slice(got, func(i, j int) bool { return got[i].file < got[j].file })
	want := []realDiagnostic{
		{"195910020206.TXT", KindGluedRW, 7},
		{"198507250101.TXT", KindBodyInAuthor, 6},
		{"199707010305.TXT", KindEmptyRW, 8},
		{"199710300102.TXT", KindEmptyRW, 9},
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostic %d = %v, want %v", i, got[i], want[i])
		}
	}
	if sum.ArticlesProblems != 4 || sum.Diagnostics[KindEmptyRW] != 2 || sum.DiagnosticsTotal() != 4 {
		t.Errorf("summary: %s", sum)
	}
	// Files are read in lexical path order: the first is 1957, the last 2003.
	if len(arts) > 0 && (arts[0].Date.Year != 1957 || arts[len(arts)-1].Date.Year != 2003) {
		t.Errorf("order: first %v, last %v", arts[0].Date, arts[len(arts)-1].Date)
	}
	noBody, bodyRW := 0, 0
	for i, a := range arts {
		if i > 0 && a.Path <= arts[i-1].Path {
			t.Errorf("stream out of path order at %s", a.Path)
		}
		if len(a.Body) == 0 {
			noBody++
		}
		if a.RWSource == RWFromBody {
			bodyRW++
		}
	}
	// grep -L '〖ZW/正文〗' finds 4 files; grep '^    .*RW：' finds 13 body lines with an
	// RW tail, one a file.
	if noBody != 4 || bodyRW != 13 {
		t.Errorf("%d articles without a body (want 4), %d with RW from the body (want 13)", noBody, bodyRW)
	}
}

// realBenchFiles returns the bytes of the 119 real articles, or skips.
func realBenchFiles(b *testing.B) (names []string, data [][]byte, total int64) {
	paths, _ := filepath.Glob(filepath.Join(realCorpusDir, "txt", "*", "*", "*", "*.TXT"))
	if len(paths) == 0 {
		b.Skipf("skipping: real corpus %s is absent", realCorpusDir)
	}
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, p)
		data = append(data, d)
		total += int64(len(d))
	}
	return names, data, total
}

// BenchmarkParseBytesReal parses the 119 real GBK files from memory: decoding and parsing,
// no I/O. MB/s is of the GBK bytes.
func BenchmarkParseBytesReal(b *testing.B) {
	names, data, total := realBenchFiles(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i := range data {
			ParseBytes(names[i], data[i])
		}
	}
}

// BenchmarkReadAllReal reads the real corpus folder through the Reader, with one worker
// and with all cores.
func BenchmarkReadAllReal(b *testing.B) {
	_, _, total := realBenchFiles(b)
	dir := filepath.Join(realCorpusDir, "txt")
	for _, c := range []struct {
		name    string
		workers int
	}{{"workers=1", 1}, {"workers=all", 0}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ReadAll([]string{dir}, Options{Workers: c.workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRealCorpusAgainstPythonTruth compares every article of the real corpus, field by
// field and its whole body by SHA-1, with testdata/jfjb_truth.tsv, written by
// testdata/jfjb_truth.py: regular expressions over the GBK files following FORMAT.md,
// independent of the Go parser (see the script for its rules).
func TestRealCorpusAgainstPythonTruth(t *testing.T) {
	dir := filepath.Join(realCorpusDir, "txt")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: real corpus %s is absent (it is in the development tree only)", dir)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "jfjb_truth.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	cols := strings.Split(rows[0], "\t")
	truth := map[string]map[string]string{}
	for _, r := range rows[1:] {
		vals := strings.Split(r, "\t")
		if len(vals) != len(cols) {
			t.Fatalf("truth row has %d columns, want %d: %q", len(vals), len(cols), r)
		}
		row := map[string]string{}
		for i, c := range cols {
			row[c] = vals[i]
		}
		truth[row["file"]] = row
	}
	arts, _, err := ReadAll([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(truth) || len(truth) != 119 {
		t.Fatalf("%d articles, %d truth rows, want 119", len(arts), len(truth))
	}
	for _, a := range arts {
		file := filepath.Base(a.Path)
		want, ok := truth[file]
		if !ok {
			t.Errorf("%s: not in the truth table", file)
			continue
		}
		sum := sha1.Sum([]byte(strings.Join(a.Body, "\n")))
		got := map[string]string{
			"serial": strconv.Itoa(a.Serial), "date": a.DateRaw, "page": strconv.Itoa(a.Page), "item": strconv.Itoa(a.Item),
			"kicker": a.Kicker, "title": a.Title, "subtitles": strings.Join(a.Subtitles, "|"),
			"authors": strings.Join(a.Authors, "|"), "unit": a.AuthorUnit, "class": a.Classification,
			"column": a.Column, "pagename": a.PageName, "topics": strings.Join(a.Topics, "|"),
			"genres": strings.Join(a.Genres, "|"), "rw": strings.Join(a.RW, "|"), "rwsource": string(a.RWSource),
			"paras": strconv.Itoa(len(a.Body)), "chars": strconv.Itoa(a.BodyChars()), "body_sha1": hex.EncodeToString(sum[:]),
		}
		for _, c := range cols[1:] {
			if got[c] != want[c] {
				t.Errorf("%s: %s = %q, want %q", file, c, got[c], want[c])
			}
		}
		if d := strings.ReplaceAll(a.Date.String(), "-", ""); d != want["date"] {
			t.Errorf("%s: Date %v, want %s", file, a.Date, want["date"])
		}
	}
}
