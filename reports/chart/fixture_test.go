package chart

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

func previewCharts() map[string]Chart {
	return map[string]Chart{
		"lines":  yearLines(),
		"months": monthLines(),
		"bars":   pageBars(),
	}
}
