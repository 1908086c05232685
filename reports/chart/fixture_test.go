package chart

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// yearLines is a yearly count chart of three persons with bursts.
func yearLines() Lines {
	cats := []string{}
	for y := 1949; y <= 1976; y++ {
		cats = append(cats, itoa(y))
	}
	a := make([]float64, len(cats))
	b := make([]float64, len(cats))
	c := make([]float64, len(cats))
	for i := range cats {
		a[i] = float64(20 + (i*37)%23)
		b[i] = float64(5 + (i*13)%11)
		c[i] = float64((i * 7) % 9)
	}
	a[17], a[18], a[19] = 120, 160, 90
	b[10], b[11] = 60, 70
	return Lines{
		Title:      "人物提及次数（解放军报，按年）",
		XLabel:     "年份",
		YLabel:     "文章数",
		Categories: cats,
		Series: []Series{
			{Name: "毛泽东", Values: a, Bursts: []Span{{From: 16, To: 19, Level: 1}, {From: 18, To: 18, Level: 2}}},
			{Name: "林彪", Values: b, Bursts: []Span{{From: 10, To: 11, Level: 1}}},
			{Name: "周恩来", Values: c},
		},
	}
}

// monthLines has long category labels ("1962-10") that must be thinned and turned.
func monthLines() Lines {
	var cats []string
	var v []float64
	for y := 1960; y <= 1965; y++ {
		for m := 1; m <= 12; m++ {
			cats = append(cats, itoa(y)+"-"+pad2(m))
			v = append(v, float64((y*m)%17+3))
		}
	}
	return Lines{Title: "“雷锋”每月文章数", XLabel: "月份", YLabel: "文章数", Categories: cats,
		Series: []Series{{Name: "雷锋", Values: v, Bursts: []Span{{From: 38, To: 40, Level: 1}}}}}
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	if s == "" {
		return "0"
	}
	return s
}

func pad2(i int) string {
	if i < 10 {
		return "0" + itoa(i)
	}
	return itoa(i)
}

// pageBars counts articles per page of an eight-page paper.
func pageBars() Bars {
	return Bars{
		Title:  "各版文章数",
		XLabel: "版次",
		YLabel: "文章数",
		Labels: []string{"第1版", "第2版", "第3版", "第4版", "第5版", "第6版", "第7版", "第8版"},
		Values: []float64{412, 305, 288, 190, 120, 96, 80, 45},
	}
}

// yearBars counts articles per year over 72 years: labels must be thinned.
func yearBars() Bars {
	c := Bars{Title: "每年文章数（1949–2020）", XLabel: "年份", YLabel: "文章数"}
	for y := 1949; y <= 2020; y++ {
		c.Labels = append(c.Labels, itoa(y))
		c.Values = append(c.Values, float64(800+(y*37)%300+(y-1949)*20))
	}
	return c
}

// weekLines has 104 weekly categories ("1962-W01").
func weekLines() Lines {
	var cats []string
	var a, b []float64
	for y := 1962; y <= 1963; y++ {
		for w := 1; w <= 52; w++ {
			cats = append(cats, itoa(y)+"-W"+pad2(w))
			a = append(a, float64((w*11)%7))
			b = append(b, float64((w*5)%9)/3)
		}
	}
	return Lines{Title: "每周提及次数", YLabel: "每千篇文章", Categories: cats, Series: []Series{
		{Name: "雷锋", Values: a, Bursts: []Span{{From: 60, To: 66, Level: 1}, {From: 62, To: 63, Level: 2}}},
		{Name: "向雷锋同志学习", Values: b},
	}}
}

func previewCharts(t *testing.T) map[string]Chart {
	return map[string]Chart{
		"network": jfjbNetwork(t),
		"lines":   yearLines(),
		"months":  monthLines(),
		"bars":    pageBars(),
		"years":   yearBars(),
		"weeks":   weekLines(),
	}
}

// jfjbNetwork reads testdata/jfjb.{nodes,edges}.csv: the co-mention network of the 31
// persons named most in the PLA Daily articles of /work/shared/corpus/jfjb, written by
//
//	baokan network -q --format csv --top 40 --from-text -o testdata/jfjb /work/shared/corpus/jfjb
//
// Node size is the number of articles, group the Louvain community, edge weight the number
// of articles naming both.
func jfjbNetwork(t *testing.T) Network {
	t.Helper()
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows[1:]
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	net := Network{Title: "解放军报人物共现网络", Seed: 1}
	ids := map[string]int64{}
	for i, r := range read("jfjb.nodes.csv") {
		ids[r[0]] = int64(i)
		net.Nodes = append(net.Nodes, Node{ID: int64(i), Label: r[0], Size: num(r[1]), Group: int(num(r[7]))})
	}
	for _, r := range read("jfjb.edges.csv") {
		net.Edges = append(net.Edges, Edge{From: ids[r[0]], To: ids[r[1]], Weight: num(r[2])})
	}
	return net
}
