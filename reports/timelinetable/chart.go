package timelinetable

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/reports/chart"
)

// chartUnits are the units in Chinese: for the title (按年) and the x axis.
var chartUnits = map[timeline.Unit][2]string{
	timeline.Day:     {"日", "日期"},
	timeline.Week:    {"周", "周（ISO 8601）"},
	timeline.Month:   {"月", "月份"},
	timeline.Quarter: {"季度", "季度"},
	timeline.Year:    {"年", "年份"},
	timeline.Decade:  {"十年", "年代"},
}

// ChartName is a series' name in the chart's legend.
func ChartName(s timeline.Series) string {
	switch s.Kind {
	case timeline.Articles:
		return "文章"
	case timeline.Chars:
		return "正文字数"
	case timeline.Tokens:
		return "词数"
	case timeline.Term:
		return "“" + s.Value + "”"
	case timeline.TermRegex:
		return "/" + s.Value + "/"
	case timeline.Topic:
		return "主题：" + s.Value
	case timeline.Genre:
		return "体裁：" + s.Value
	case timeline.Concept:
		return "概念：" + s.Value
	case timeline.Index:
		return "指数：" + s.Value
	}
	return s.Value
}

// yLabel names Value for the series drawn: articles (篇) or occurrences (次), per 10,000
// articles or words.
func (o Options) yLabel(drawn []timeline.Series) string {
	words, articles := false, false
	for _, s := range drawn {
		switch s.Kind {
		case timeline.Term, timeline.TermRegex, timeline.Tokens, timeline.Concept:
			words = true
		case timeline.Chars:
			words, articles = true, true // neither: say both
		default:
			articles = true
		}
	}
	var label string
	switch o.Value {
	case "count":
		label = map[[2]bool]string{{false, true}: "篇数", {true, false}: "次数", {true, true}: "数量"}[[2]bool{words, articles}]
	case "per_10k":
		label = map[[2]bool]string{{false, true}: "每万篇文章", {true, false}: "每万词", {true, true}: "每万（词或篇）"}[[2]bool{words, articles}]
	case "share":
		label = "文章占比"
	case "index":
		label = "标准化指数（基期均值＝100）"
	}
	if o.Smooth > 1 {
		label += fmt.Sprintf("（%d期移动平均）", o.Smooth)
	}
	return label
}

// ErrNoPeriods is returned by Chart for a table without periods.
var ErrNoPeriods = errors.New("no dated article to draw")

// Chart draws Value (smoothed with Smooth) of every series but the totals (the totals
// when there is nothing else; with Value index, the index series), one line each, bursts
// shaded, with a title and legend in Chinese. A period without articles or words is drawn
// at 0.
func (o Options) Chart(tab *timeline.Table, bursts [][]burst.Burst) (chart.Lines, error) {
	if len(tab.Periods) == 0 {
		return chart.Lines{}, ErrNoPeriods
	}
	var drawn []int
	for i, s := range tab.Series {
		if !s.Kind.Total() && (o.Value != "index" || s.Kind == timeline.Index) {
			drawn = append(drawn, i)
		}
	}
	if len(drawn) == 0 {
		for i := range tab.Series {
			drawn = append(drawn, i)
		}
	}
	unit := chartUnits[tab.Unit]
	c := chart.Lines{XLabel: unit[1]}
	var names []string
	var series []timeline.Series
	for _, i := range drawn {
		s := tab.Series[i]
		series = append(series, s)
		values := o.SeriesValues(tab, i)
		for j, v := range values {
			if math.IsNaN(v) {
				values[j] = 0
			}
		}
		line := chart.Series{Name: ChartName(s), Values: values}
		for _, b := range bursts[i] {
			line.Bursts = append(line.Bursts, chart.Span{From: b.Start, To: b.End, Level: b.Level})
		}
		c.Series = append(c.Series, line)
		names = append(names, line.Name)
	}
	c.YLabel = o.yLabel(series)
	shaded := ""
	for _, s := range c.Series {
		if len(s.Bursts) > 0 {
			shaded = "；阴影：Kleinberg 突发期"
		}
	}
	c.Title = fmt.Sprintf("%s（按%s，%s—%s%s）", strings.Join(names, "、"), unit[0],
		tab.Periods[0], tab.Periods[len(tab.Periods)-1], shaded)
	for _, p := range tab.Periods {
		c.Categories = append(c.Categories, p.String())
	}
	return c, nil
}
