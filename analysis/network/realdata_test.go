package network

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
	"gonum.org/v1/gonum/graph/topo"
)

// realDir holds the 119 real PLA Daily articles (GBK, one per file).
const realDir = "../../../shared/corpus/jfjb"

// realPersons are the persons of every real article whose RW list is not empty, resolved
// by hand from that list: roles, titles and events dropped (主席, 接见外宾, 访华…), names
// run together split (毛泽东刘少奇赫鲁晓夫等), 拉扎克 kept and 马来西亚总理 dropped.
var realPersons = map[string][]string{
	"195808040101.TXT": {"毛泽东"},                                          // 毛泽东/会见外宾
	"195910020202.TXT": {"彭真"},                                           // 彭真
	"195910020205.TXT": {"毛泽东", "刘少奇", "赫鲁晓夫"},                           // 毛泽东刘少奇赫鲁晓夫等
	"196010020101.TXT": {"毛泽东", "刘少奇", "周恩来"},                            // 毛泽东/刘少奇/周恩来
	"196210290301.TXT": {"卡斯特罗"},                                         // 卡斯特罗/总理/言论
	"196210290305.TXT": {"赫鲁晓夫", "肯尼迪"},                                  // 赫鲁晓夫/肯尼迪/互致信件
	"197405300101.TXT": {"毛泽东", "拉扎克"},                                   // 毛泽东/主席/会见/拉扎克/马来西亚总理/访华
	"197602240101.TXT": {"毛泽东", "尼克松"},                                   // 毛泽东/接见外宾/尼克松/访问
	"198404280102.TXT": {"胡耀邦"},                                          // 胡耀邦/中共中央总书记
	"198412200103.TXT": {"邓小平"},                                          // 邓小平/会见
	"198412200106.TXT": {"赵紫阳"},                                          // 赵紫阳/会谈
	"198804090101.TXT": {"杨尚昆", "万里", "邓小平"},                             // 杨尚昆/万里/邓小平
	"199303280101.TXT": {"江泽民", "乔石"},                                    // 江泽民；主席；乔石；委员长
	"199409040101.TXT": {"江泽民", "叶利钦"},                                   // 江泽民；外访；叶利钦；接见外宾
	"199409040102.TXT": {"江泽民"},                                          // 江泽民；访俄演讲
	"199505100101.TXT": {"江泽民"},                                          // 江泽民；外访；照片；言论
	"199505100102.TXT": {"江泽民"},                                          // 江泽民；国家主席；外访；照片；活动
	"199505100103.TXT": {"张震"},                                           // 张震；军委副主席；外访；活动
	"199505100402.TXT": {"李鹏"},                                           // 李鹏；总理；会见外宾；会见香港人士
	"199505100405.TXT": {"李洪九"},                                          // 李洪九；总理；访华
	"199604120102.TXT": {"江泽民"},                                          // 江泽民/接见外宾
	"199604120103.TXT": {"江泽民"},                                          // 江泽民/接见外宾
	"199604120104.TXT": {"于永波"},                                          // 于永波/言论
	"199604120403.TXT": {"胡锦涛"},                                          // 胡锦涛/言论
	"199604260104.TXT": {"江泽民"},                                          // 江泽民/言论
	"199604260108.TXT": {"刘华清", "迟浩田"},                                   // 刘华清/迟浩田/接见外宾
	"199604260109.TXT": {"张万年"},                                          // 张万年/外访
	"199604260401.TXT": {"李鹏"},                                           // 李鹏/接见外宾
	"199604260405.TXT": {"钱其琛"},                                          // 钱其琛/接见外宾
	"199611260103.TXT": {"江泽民"},                                          // 江泽民/言论
	"199710300105.TXT": {"江泽民"},                                          // 江泽民/出访
	"199910010101.TXT": {"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基"}, // …；出席会议
	"200007190101.TXT": {"江泽民"},                                          // 江泽民；会见外宾
	"200007190102.TXT": {"迟浩田"},                                          // 迟浩田；会见外宾
	"200007190106.TXT": {"徐才厚"},                                          // 徐才厚；言论
	"200211160101.TXT": {"胡锦涛"},                                          // 胡锦涛；言论
	"200305280101.TXT": {"胡锦涛"},                                          // 胡锦涛
}

var (
	rqField = regexp.MustCompile(`〖RQ/日期〗(\d{8})`)
	rwList  = regexp.MustCompile(`RW：([^〖\r\n]*)`)
)

// readRealDocs reads every real article, taking the date from its RQ field and the
// persons from realPersons after checking each appears in the article's RW list.
func readRealDocs(t *testing.T) []Doc {
	t.Helper()
	if _, err := os.Stat(realDir); err != nil {
		t.Skipf("real articles not found at %s: %v", realDir, err)
	}
	var docs []Doc
	err := filepath.WalkDir(realDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, _, _ := corpus.Decode(data)
		m := rqField.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("%s: no RQ field", path)
			return nil
		}
		date, err := corpus.ParseDate(m[1])
		if err != nil {
			t.Errorf("%s: %v", path, err)
		}
		name := filepath.Base(path)
		persons, listed := realPersons[name]
		rw := ""
		if m := rwList.FindStringSubmatch(text); m != nil {
			rw = strings.TrimSpace(m[1])
		}
		switch {
		case listed:
			for _, p := range persons {
				if !strings.Contains(rw, p) {
					t.Errorf("%s: %s not in its RW list %q", name, p, rw)
				}
			}
		case rw != "":
			t.Errorf("%s: RW list %q not resolved in realPersons", name, rw)
		}
		docs = append(docs, Doc{ID: name, Date: date, Persons: persons})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestRealArticles builds the network of the 119 real articles and checks it edge by
// edge against pairs counted by hand from realPersons.
func TestRealArticles(t *testing.T) {
	docs := readRealDocs(t)
	if len(docs) != 119 {
		t.Fatalf("%d articles, want 119", len(docs))
	}
	net, err := Build(docs, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if net.Articles != 119 {
		t.Errorf("N = %d, want 119", net.Articles)
	}

	// Articles per person, counted by hand from realPersons; every other person has 1.
	articles := map[string]int{"江泽民": 12, "毛泽东": 5, "胡锦涛": 4, "李鹏": 3, "邓小平": 2, "刘少奇": 2, "赫鲁晓夫": 2, "迟浩田": 2}
	if len(net.Nodes) != 31 {
		t.Errorf("%d persons, want 31", len(net.Nodes))
	}
	for _, n := range net.Nodes {
		want := articles[n.Person]
		if want == 0 {
			want = 1
		}
		if n.Articles != want {
			t.Errorf("%s in %d articles, want %d", n.Person, n.Articles, want)
		}
	}

	type pair struct{ a, b string }
	type stat struct {
		w           int
		first, last string
	}
	want := map[pair]stat{
		{"毛泽东", "刘少奇"}:  {2, "1959-10-02", "1960-10-02"},
		{"毛泽东", "赫鲁晓夫"}: {1, "1959-10-02", "1959-10-02"},
		{"刘少奇", "赫鲁晓夫"}: {1, "1959-10-02", "1959-10-02"},
		{"毛泽东", "周恩来"}:  {1, "1960-10-02", "1960-10-02"},
		{"刘少奇", "周恩来"}:  {1, "1960-10-02", "1960-10-02"},
		{"赫鲁晓夫", "肯尼迪"}: {1, "1962-10-29", "1962-10-29"},
		{"毛泽东", "拉扎克"}:  {1, "1974-05-30", "1974-05-30"},
		{"毛泽东", "尼克松"}:  {1, "1976-02-24", "1976-02-24"},
		{"杨尚昆", "万里"}:   {1, "1988-04-09", "1988-04-09"},
		{"杨尚昆", "邓小平"}:  {1, "1988-04-09", "1988-04-09"},
		{"万里", "邓小平"}:   {1, "1988-04-09", "1988-04-09"},
		{"江泽民", "乔石"}:   {1, "1993-03-28", "1993-03-28"},
		{"江泽民", "叶利钦"}:  {1, "1994-09-04", "1994-09-04"},
		{"刘华清", "迟浩田"}:  {1, "1996-04-26", "1996-04-26"},
	}
	// Every pair of the seven leaders of 1999-10-01.
	seven := realPersons["199910010101.TXT"]
	for i, a := range seven {
		for _, b := range seven[i+1:] {
			want[pair{a, b}] = stat{1, "1999-10-01", "1999-10-01"}
		}
	}
	if len(want) != 35 || len(net.Edges) != 35 {
		t.Errorf("%d edges, want %d (35)", len(net.Edges), len(want))
	}
	nOf := func(p string) int {
		if n := articles[p]; n > 0 {
			return n
		}
		return 1
	}
	for i, e := range net.Edges {
		if i > 0 && (net.Edges[i-1].Source > e.Source || net.Edges[i-1].Source == e.Source && net.Edges[i-1].Target >= e.Target) {
			t.Errorf("edges out of order at %d", i)
		}
		if e.Source >= e.Target {
			t.Errorf("edge %s–%s: source not < target", e.Source, e.Target)
		}
		w, ok := want[pair{e.Source, e.Target}]
		if !ok {
			w, ok = want[pair{e.Target, e.Source}]
		}
		if !ok {
			t.Errorf("unexpected edge %s–%s", e.Source, e.Target)
			continue
		}
		if e.Weight != w.w || e.FirstDate.String() != w.first || e.LastDate.String() != w.last {
			t.Errorf("%s–%s = %d %s..%s, want %d %s..%s", e.Source, e.Target, e.Weight, e.FirstDate, e.LastDate, w.w, w.first, w.last)
		}
		// PMI from the hand counts: log2(w·119/(n_x·n_y)).
		if pmi := math.Log2(float64(w.w*119) / float64(nOf(e.Source)*nOf(e.Target))); !near(e.PMI, pmi, 1e-12) {
			t.Errorf("%s–%s PMI = %g, want %g", e.Source, e.Target, e.PMI, pmi)
		}
	}
	// One by hand: 毛泽东–刘少奇, w = 2, n = 5 and 2: PMI = log2(238/10) = log2(23.8).
	if i := slices.IndexFunc(net.Edges, func(e Edge) bool { return e.Source == "刘少奇" && e.Target == "毛泽东" }); i < 0 || !near(net.Edges[i].PMI, 4.572889668420581, 1e-12) {
		t.Errorf("刘少奇–毛泽东 missing or PMI ≠ log2(23.8)")
	}

	// Eigenvector by hand: the component of 江泽民 (the 1999 K7 plus 乔石 and 叶利钦
	// hanging on 江泽民) has the largest eigenvalue, so it takes all the weight. With
	// x = 江泽民, y = each of the other six, z = each leaf: λz = x, λy = x + 5y,
	// λx = 6y + 2z, so λ³ − 5λ² − 8λ + 10 = 0, largest root λ = 6.04920999 (numpy.roots),
	// y/x = 1/(λ − 5) and z/x = 1/λ. The next component (毛泽东's) has eigenvalue 3.50
	// (numpy.linalg.eigvalsh), so every node outside decays to 0.
	const lambda = 6.04920999
	x := net.Nodes[net.NodeIndex("江泽民")].Eigenvector
	for _, n := range net.Nodes {
		var want float64
		switch {
		case n.Person == "江泽民":
			want = x
		case slices.Contains(seven, n.Person):
			want = x / (lambda - 5)
		case n.Person == "乔石" || n.Person == "叶利钦":
			want = x / lambda
		}
		if !near(n.Eigenvector, want, 1e-7) {
			t.Errorf("%s eigenvector = %g, want %g", n.Person, n.Eigenvector, want)
		}
	}
	// Unit length: x² + 6y² + 2z² = 1.
	if norm := x * x * (1 + 6/((lambda-5)*(lambda-5)) + 2/(lambda*lambda)); !near(norm, 1, 1e-7) {
		t.Errorf("eigenvector norm² = %g, want 1", norm)
	}

	// Louvain never joins persons that no path links: a community lies within one
	// connected component (gonum topo.ConnectedComponents).
	componentOf := map[int64]int{}
	for c, members := range topo.ConnectedComponents(net.Graph()) {
		for _, m := range members {
			componentOf[m.ID()] = c
		}
	}
	firstComponent := map[int]int{}
	for i, n := range net.Nodes {
		c, seen := firstComponent[n.Community]
		if !seen {
			firstComponent[n.Community] = componentOf[int64(i)]
		} else if c != componentOf[int64(i)] {
			t.Errorf("community %d spans two components (%s)", n.Community, n.Person)
		}
	}

	// Node measures, G² and the rest against networkx and scipy, live.
	compareWithNetworkx(t, net, runNetworkx(t, docs, net, 1))
}
