package corpusreport

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/analysis/tfidf"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

// builder holds what the sections share while the report is put together.
type builder struct {
	figs    *Figures
	o       *Options
	d       *collected
	in      *Inputs
	params  [][]any // the parameters table of the methods: name, value
	repro   []string
	arts    []*personArticle
	tally   []persons.PersonStats
	keyTerm []string // the most over-used words of the keyness target
}

func (b *builder) param(name string, value any) {
	b.params = append(b.params, []any{name, value})
}

// Build makes the report of the articles added, with what in says of how they were read
// and of the other passes. The Collector cannot be added to afterwards.
func (c *Collector) Build(in Inputs) (*report.Report, error) {
	if in.Summary.Matched == 0 && c.stats.Articles == 0 {
		return nil, errors.New("no article to report on")
	}
	d, err := c.finish(in)
	if err != nil {
		return nil, err
	}
	figs := in.Figures
	if figs == nil {
		figs = &Figures{}
	}
	b := &builder{o: &c.opts, d: d, figs: figs, in: &in}
	b.arts = d.people
	var t persons.Tally
	for _, p := range b.arts {
		t.Add(p.persons, p.date, p.page)
	}
	b.tally = t.Stats()

	r := &report.Report{Title: b.o.Title, Subtitle: b.subtitle()}
	overview := b.overviewSection()
	words, err := b.wordsSection()
	if err != nil {
		return nil, err
	}
	key, err := b.keynessSection()
	if err != nil {
		return nil, err
	}
	people, err := b.personsSection()
	if err != nil {
		return nil, err
	}
	timelines := b.timelineSection()
	r.Sections = []report.Section{overview, words, key, people, timelines}
	if len(in.Contexts) > 0 {
		r.Sections = append(r.Sections, contextSection(in.Contexts))
	}
	if in.Concepts != nil {
		r.Sections = append(r.Sections, b.conceptsSection(in.Concepts))
	}
	r.Sections = append(r.Sections, b.methodsSection())
	return r, nil
}

func (b *builder) subtitle() string {
	st, sum := b.d.stats, b.d.summary
	src := "the embedded sample of PLA Daily (解放军报) articles"
	if len(b.in.Sources) > 0 {
		src = strings.Join(b.in.Sources, ", ")
	}
	dates := "no dated article"
	if !st.First.IsZero() {
		dates = st.First.String() + " to " + st.Last.String()
	}
	return fmt.Sprintf("%s · %s · %d articles", src, dates, sum.Matched)
}

func toReportTable(t reports.Table, caption, note string) *report.Table {
	return &report.Table{Caption: caption, Columns: t.Columns, Rows: t.Rows, Note: note}
}

func (b *builder) overviewSection() report.Section {
	st, sum := b.d.stats, b.d.summary
	s := report.Section{ID: "overview", Title: "Corpus overview"}
	dates := "no article carries a valid date"
	if !st.First.IsZero() {
		dates = fmt.Sprintf("dated from %s to %s", st.First, st.Last)
	}
	span := "undated"
	if !st.First.IsZero() {
		span = fmt.Sprintf("%d–%d", st.First.Year, st.Last.Year)
	}
	s.Blocks = append(s.Blocks, report.Facts{
		{Value: thousands(sum.Matched), Label: "articles"},
		{Value: span, Label: "years"},
		{Value: thousands(st.Chars), Label: "body characters"},
		{Value: thousands(int(b.d.all.Tokens())), Label: "words (after filtering)"},
		{Value: thousands(len(b.tally)), Label: "persons (RW lists)"},
		{Value: thousands(sum.DiagnosticsTotal()), Label: "diagnostics"},
	})
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"The report covers %s from %s (%s bytes), %s. Their bodies hold %s characters; %s carry an RW list of persons, %s name their authors. Reading raised %s (see the methods).",
		countOf(sum.Matched, "article"), countOf(sum.Files, "file"), thousands(int(sum.Bytes)), dates, thousands(st.Chars),
		countOf(st.WithRW, "article"), countOf(st.WithAuthors, "article"), countOf(sum.DiagnosticsTotal(), "diagnostic"))))
	if years := periodRange("year", st.First, st.Last); len(years) > 0 {
		var values []float64
		most, mostYears := 0, []string{}
		for _, y := range years {
			n := 0
			if g := st.Groups["year"][y]; g != nil {
				n = g.Articles
			}
			values = append(values, float64(n))
			switch {
			case n > most:
				most, mostYears = n, []string{y}
			case n == most:
				mostYears = append(mostYears, y)
			}
		}
		s.Blocks = append(s.Blocks, b.figs.Figure("articles-per-year",
			chart.Bars{XLabel: "year", YLabel: "articles", Labels: years, Values: values},
			fmt.Sprintf("Bar chart of the articles of each year from %s to %s; the most, %d, in %s.", years[0], years[len(years)-1], most, strings.Join(mostYears, ", ")),
			"Articles per year (every year from the first to the last dated article; undated articles are left out).")...)
	}
	s.Blocks = append(s.Blocks, toReportTable(OverviewTable(st.Overview(sum)), "What was read and kept.",
		"As 'baokan stats'. Characters are Unicode code points of the body paragraphs."))
	byYear := BreakdownTable("year", st.Breakdown("year", sum.Matched))
	s.Blocks = append(s.Blocks, toReportTable(byYear, "Articles and body characters by year.",
		"share: the year's articles over all articles kept. As 'baokan stats --by year'."))
	s.Blocks = append(s.Blocks, toReportTable(BreakdownTable("page", st.Breakdown("page", sum.Matched)), "Articles by page (BH).",
		"As 'baokan stats --by page'; (none): articles without a page number."))
	s.Blocks = append(s.Blocks, toReportTable(BreakdownTable("genre", st.Breakdown("genre", sum.Matched)), "Articles by genre (TC).",
		"An article with several genres counts in each, so shares can add up to more than 1. As 'baokan stats --by genre'."))
	b.repro = append(b.repro, "baokan stats --by year", "baokan stats --by page", "baokan stats --by genre")
	return s
}

func (b *builder) wordsSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "words", Title: "Words"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"%s words (tokens kept after filtering) of %s distinct terms in %s articles. per_10k is a rate per 10,000 words; ranks are competition ranks (tied words share a rank).",
		thousands(int(d.all.Tokens())), thousands(d.all.Len()), thousands(int(d.all.Docs())))))
	rows := [][]any{}
	for _, r := range d.all.Top(o.Top) {
		rows = append(rows, []any{r.Term, r.Count, r.Docs, r.Per10k, r.Rank})
	}
	s.Blocks = append(s.Blocks, &report.Table{
		Caption: fmt.Sprintf("The %d most frequent words.", o.Top),
		Columns: []string{"term", "count", "docs", "per_10k", "rank"},
		Rows:    rows,
		Note:    fmt.Sprintf("As 'baokan terms --top %d'. Ties are ordered by term.", o.Top),
	})

	if len(rows) > 0 {
		var labels []string
		var values []float64
		for _, r := range d.all.Top(o.Top) {
			labels = append(labels, r.Term)
			values = append(values, r.Per10k)
		}
		s.Blocks = append(s.Blocks, b.figs.Figure("top-words", chart.Bars{XLabel: "word", YLabel: "per 10,000 words", Labels: labels, Values: values},
			fmt.Sprintf("Bar chart of the %d most frequent words per 10,000 words, from %s (%.1f) to %s (%.1f).", len(labels), labels[0], values[0], labels[len(labels)-1], values[len(values)-1]),
			fmt.Sprintf("The %d most frequent words, per 10,000 words.", len(labels)))...)
	}
	var names []string
	var cells [][]string
	for _, g := range d.periods.Top(o.Top) {
		names = append(names, groupName(g.Group))
		var col []string
		for _, r := range g.Rows {
			col = append(col, fmt.Sprintf("%s (%d)", r.Term, r.Count))
		}
		cells = append(cells, col)
	}
	s.Blocks = append(s.Blocks, sideBySide(names, cells,
		fmt.Sprintf("The %d most frequent words of each %s, with their counts.", o.Top, d.by),
		fmt.Sprintf("As 'baokan terms --by %s --top %d'. (none): the undated articles.", d.by, o.Top))...)

	scheme := tfidf.Scheme{TF: tfidf.Raw, IDF: tfidf.Smooth, L2: true}
	model, err := tfidf.NewModel(scheme, d.periods.GroupDocs())
	if err != nil {
		return s, err
	}
	weigher := model.NewWeigher()
	cells = nil
	for _, g := range d.periods.Groups() {
		c, _ := d.periods.Lookup(g)
		var col []string
		for _, r := range weigher.TopCounts(g, c, o.Top) {
			col = append(col, fmt.Sprintf("%s (%.3f)", r.Term, r.TFIDF))
		}
		cells = append(cells, col)
	}
	s.Blocks = append(s.Blocks, sideBySide(names, cells,
		fmt.Sprintf("TF-IDF keywords of each %s (the %s's words as one document), with their weights.", d.by, d.by),
		fmt.Sprintf("As 'baokan keywords --by %s --top %d'; scheme %s, scikit-learn's default. A high weight marks a word frequent in the period and rare in the others.", d.by, o.Top, scheme))...)
	b.param("periods", d.byChosen)
	b.param("rows of each table (--top)", o.Top)
	b.param("TF-IDF scheme", scheme.String())
	b.repro = append(b.repro, fmt.Sprintf("baokan terms --top %d", o.Top),
		fmt.Sprintf("baokan terms --by %s --top %d", d.by, o.Top),
		fmt.Sprintf("baokan keywords --by %s --top %d", d.by, o.Top))
	return s, nil
}

// periodsPerTable bounds the columns of a side-by-side table; more periods make more
// tables.
const periodsPerTable = 6

// sideBySide lays out one column per period (names), one row per rank, cut in tables
// of at most periodsPerTable periods; cells holds each period's column.
func sideBySide(names []string, cells [][]string, caption, note string) []report.Block {
	var blocks []report.Block
	for start := 0; start < len(names); start += periodsPerTable {
		end := min(start+periodsPerTable, len(names))
		t := &report.Table{Caption: caption, Columns: append([]string{"#"}, names[start:end]...)}
		if len(names) > periodsPerTable {
			t.Caption = fmt.Sprintf("%s (%s to %s)", caption, names[start], names[end-1])
		}
		n := 0
		for _, col := range cells[start:end] {
			n = max(n, len(col))
		}
		for i := 0; i < n; i++ {
			row := []any{i + 1}
			for _, col := range cells[start:end] {
				if i < len(col) {
					row = append(row, col[i])
				} else {
					row = append(row, "")
				}
			}
			t.Rows = append(t.Rows, row)
		}
		if end == len(names) {
			t.Note = note
		}
		blocks = append(blocks, t)
	}
	return blocks
}

// groupName shows the group of undated articles as stats does.
func groupName(g string) string {
	if g == "" {
		return "(none)"
	}
	return g
}

func (b *builder) keynessSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "keyness", Title: "Keyness"}
	tc, rc := d.target, d.refer
	targetDesc, referenceDesc := o.TargetText, "the rest of the corpus"
	if o.ReferenceText != "" {
		referenceDesc = o.ReferenceText
	}
	if tc == nil {
		// The latest dated period against every other article, undated ones included: what
		// 'baokan keyness --target <its filter>' compares.
		groups := d.periods.Groups()
		latest := ""
		for _, g := range groups {
			if g != "" {
				latest = g
			}
		}
		if latest == "" {
			s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date, so there is no latest period to compare; give --target."))
			return s, nil
		}
		filter, err := periodFilter(d.by, latest)
		if err != nil {
			return s, err
		}
		targetDesc = filter + " (the default: the latest " + d.by + ", " + latest + ")"
		tc, rc = terms.NewCounter(), terms.NewCounter()
		for _, g := range groups {
			c, _ := d.periods.Lookup(g)
			if g == latest {
				tc.Merge(c)
			} else {
				rc.Merge(c)
			}
		}
		b.repro = append(b.repro, fmt.Sprintf("baokan keyness --target %s --min-count %d --top %d", ShellQuote(filter), o.MinCount, o.Top))
	} else {
		cmd := fmt.Sprintf("baokan keyness --target %s", ShellQuote(o.TargetText))
		if o.ReferenceText != "" {
			cmd += " --reference " + ShellQuote(o.ReferenceText)
		}
		b.repro = append(b.repro, fmt.Sprintf("%s --min-count %d --top %d", cmd, o.MinCount, o.Top))
	}
	opts := keyness.Options{MinCount: o.MinCount}
	b.param("keyness target", targetDesc)
	b.param("keyness reference", referenceDesc)
	b.param("keyness G² form", opts.Form.String())
	b.param("keyness minimum count (target + reference)", o.MinCount)
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"Target: %s — %s, %s words. Reference: %s — %s, %s words. G² is the log-likelihood of Rayson & Garside (2000), p its chi-square upper tail (1 degree of freedom), log_ratio Hardie's (2014) binary log of the ratio of relative frequencies.",
		targetDesc, countOf(int(tc.Docs()), "article"), thousands(int(tc.Tokens())), referenceDesc, countOf(int(rc.Docs()), "article"), thousands(int(rc.Tokens())))))
	rows, err := keyness.Compare(tc, rc, opts)
	if errors.Is(err, keyness.ErrEmptyCorpus) {
		if o.TargetText != "" {
			return s, fmt.Errorf("%w (target %d words, reference %d): check --target and --reference", err, tc.Tokens(), rc.Tokens())
		}
		s.Blocks = append(s.Blocks, report.Paragraph("The target or the reference has no words: nothing to compare (a corpus of one period has no reference)."))
		return s, nil
	}
	if err != nil {
		return s, err
	}
	over, under := keyness.Split(rows)
	over, under = over[:min(o.Top, len(over))], under[:min(o.Top, len(under))]
	for _, r := range over {
		b.keyTerm = append(b.keyTerm, r.Term)
	}
	columns := []string{"term", "target_count", "reference_count", "target_per_10k", "reference_per_10k", "g2", "p", "log_ratio", "rank"}
	table := func(rows []keyness.Row, caption string) *report.Table {
		t := &report.Table{Caption: caption, Columns: columns,
			Note: "Sorted by G², ties by term; rank is the competition rank by G² among all words. As 'baokan keyness' (which adds chi2 and use)."}
		for _, r := range rows {
			t.Rows = append(t.Rows, []any{r.Term, r.TargetCount, r.ReferenceCount, r.TargetPer10k, r.ReferencePer10k, r.G2, r.P, r.LogRatio, r.Rank})
		}
		return t
	}
	s.Blocks = append(s.Blocks, table(over, "Words over-used in the target."), table(under, "Words under-used in the target."))
	return s, nil
}

func (b *builder) personsSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "persons", Title: "Persons"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"%d articles carry an RW list; %d distinct persons are named in them (see the methods for how entries become persons).",
		len(b.arts), len(b.tally))))
	if len(b.arts) == 0 && b.d.stats != nil {
		s.Blocks = append(s.Blocks, report.Paragraph("None of the articles carries an RW list: the source has no indexers' person lists (the People's Daily and Wenhui Bao JSON forms never have), so the tables, the network and the person timelines below are empty. They are not a finding; persons found in the text alone are not available yet."))
	}
	t := &report.Table{Caption: fmt.Sprintf("The %d persons named in most articles.", o.Top),
		Columns: []string{"person", "articles", "first_date", "last_date", "front_page_articles"},
		Note:    "Ties are ordered by name. As 'baokan persons --summary'."}
	for _, p := range b.tally[:min(o.Top, len(b.tally))] {
		t.Rows = append(t.Rows, []any{p.Person, p.Articles, p.First.String(), p.Last.String(), p.FrontPage})
	}
	s.Blocks = append(s.Blocks, t, b.firstAppearances())

	builder := network.NewBuilder()
	feedNetwork(b.arts, d.noRW, builder.Add)
	opts := network.Options{Top: o.NetworkTop, MinWeight: 1, Seed: o.Seed, Resolution: 1, Workers: o.Workers}
	net, err := builder.Network(opts)
	if err != nil {
		return s, err
	}
	b.param("network: persons kept (--network-top)", networkTopText(o.NetworkTop))
	b.param("network: minimum edge weight", opts.MinWeight)
	b.param("network: Louvain seed, resolution γ", fmt.Sprintf("%d, %g", opts.Seed, opts.Resolution))
	b.repro = append(b.repro, "baokan persons --summary", fmt.Sprintf("baokan network --top %d --seed %d", o.NetworkTop, o.Seed))
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"The co-mention network of the %s: %d persons, %d edges (two persons named in the same article; weight: the number of such articles), over N = %d articles. Louvain finds %d communities, modularity Q = %.3f.",
		networkTopText(o.NetworkTop), len(net.Nodes), len(net.Edges), net.Articles, communities(net), net.Modularity)))

	cn := chart.Network{Seed: int64(o.Seed)}
	for i, n := range net.Nodes {
		cn.Nodes = append(cn.Nodes, chart.Node{ID: int64(i), Label: n.Person, Size: float64(n.Articles), Group: n.Community})
	}
	for i, e := range net.Edges {
		from, to := net.EdgeIndexes(i)
		cn.Edges = append(cn.Edges, chart.Edge{From: int64(from), To: int64(to), Weight: float64(e.Weight)})
	}
	if len(cn.Nodes) > 0 {
		s.Blocks = append(s.Blocks, b.figs.Figure("network", cn,
			fmt.Sprintf("Network of %d persons joined by %d edges, coloured by %d Louvain communities; the largest nodes are %s.",
				len(net.Nodes), len(net.Edges), communities(net), strings.Join(topNames(net, 3), ", ")),
			fmt.Sprintf("Co-mention network of the %s. Node area: articles naming the person; edge width: articles naming both; colour: Louvain community. Layout: Eades's force-directed algorithm (gonum), seed %d.", networkTopText(o.NetworkTop), o.Seed))...)
	}

	// Central figures: by PageRank, ties by name.
	nodes := slices.Clone(net.Nodes)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].PageRank > nodes[j].PageRank })
	ct := &report.Table{Caption: "Central figures of the network, by PageRank.",
		Columns: []string{"person", "articles", "degree", "weighted_degree", "pagerank", "betweenness", "eigenvector", "community"},
		Note:    "Ties in PageRank are ordered by name. As 'baokan network' (the node table), sorted by PageRank."}
	for _, n := range nodes[:min(o.Top, len(nodes))] {
		ct.Rows = append(ct.Rows, []any{n.Person, n.Articles, n.Degree, n.WeightedDegree, n.PageRank, n.Betweenness, n.Eigenvector, n.Community})
	}
	s.Blocks = append(s.Blocks, ct)

	// The communities, largest first, each with its members named in most articles.
	members := map[int][]network.Node{}
	for _, n := range net.Nodes {
		members[n.Community] = append(members[n.Community], n)
	}
	cm := &report.Table{Caption: "Communities of the network (Louvain), largest first.",
		Columns: []string{"community", "persons", "members (most articles first)"},
		Note:    "Communities are numbered by size, ties by their first name; members are ordered by articles, ties by name."}
	for c := 0; c < len(members); c++ {
		ms := members[c]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Articles > ms[j].Articles })
		var names []string
		for _, m := range ms[:min(8, len(ms))] {
			names = append(names, m.Person)
		}
		list := strings.Join(names, "、")
		if len(ms) > 8 {
			list += fmt.Sprintf(" … (%d more)", len(ms)-8)
		}
		cm.Rows = append(cm.Rows, []any{c, len(ms), list})
	}
	s.Blocks = append(s.Blocks, cm)
	return s, nil
}

// firstAppearances lists, for each of the top persons, the earliest dated article naming
// them (the first in corpus order among articles of the same date).
func (b *builder) firstAppearances() *report.Table {
	top := b.tally[:min(b.o.Top, len(b.tally))]
	first := map[string]*personArticle{}
	for _, p := range b.arts {
		if p.date.IsZero() {
			continue
		}
		for _, name := range p.persons {
			if f, ok := first[name]; !ok || p.date.Compare(f.date) < 0 {
				first[name] = p
			}
		}
	}
	t := &report.Table{Caption: "Where the top persons first appear: the earliest article naming each.",
		Columns: []string{"person", "date", "page", "title", "file"},
		Note:    "Among articles of the same date, the first in corpus order."}
	for _, ps := range top {
		if p, ok := first[ps.Person]; ok {
			t.Rows = append(t.Rows, []any{ps.Person, p.date.String(), p.page, p.title, fmt.Sprintf("%s:%d", p.path, p.line)})
		}
	}
	return t
}

// thousands writes n with thousands separators, for running text (tables keep plain
// digits, as every baokan table does).
func thousands(n int) string {
	return message.NewPrinter(language.English).Sprintf("%d", n)
}

// countOf writes "1 article", "2 articles".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

func networkTopText(n int) string {
	if n == 0 {
		return "all persons"
	}
	return fmt.Sprintf("%d persons named in most articles", n)
}

// topNames are the n persons of net named in most articles, ties by name.
func topNames(net *network.Network, n int) []string {
	nodes := slices.Clone(net.Nodes)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Articles > nodes[j].Articles })
	var names []string
	for _, node := range nodes[:min(n, len(nodes))] {
		names = append(names, node.Person)
	}
	return names
}

func communities(net *network.Network) int {
	n := 0
	for _, node := range net.Nodes {
		n = max(n, node.Community+1)
	}
	return n
}

// timelinePersons and timelineTerms are the names followed over time: the flags', or
// the defaults.
func (b *builder) timelinePersons() ([]string, string) {
	if len(b.o.Persons) > 0 {
		return b.o.Persons, "--person"
	}
	var names []string
	for _, p := range b.tally[:min(TimelineN, len(b.tally))] {
		names = append(names, p.Person)
	}
	return names, fmt.Sprintf("the default: the %d persons named in most articles", TimelineN)
}

func (b *builder) timelineTerms() ([]string, string) {
	if len(b.o.Terms) > 0 {
		return b.o.Terms, "--term"
	}
	if len(b.keyTerm) > 0 {
		return b.keyTerm[:min(TimelineN, len(b.keyTerm))],
			fmt.Sprintf("the default: the %d words most over-used in the keyness target", TimelineN)
	}
	var words []string
	for _, r := range b.d.all.Top(TimelineN) {
		words = append(words, r.Term)
	}
	return words, fmt.Sprintf("the default: the %d most frequent words (the keyness comparison found none)", TimelineN)
}

func (b *builder) timelineSection() report.Section {
	d := b.d
	s := report.Section{ID: "timelines", Title: "Timelines"}
	unit, counts, how := "year", d.years, fmt.Sprintf("year (the dated articles span more than %d months)", MonthSpan)
	switch {
	case b.o.By == "month":
		unit, counts, how = "month", d.months, "month (--by month)"
	case d.months != nil:
		unit, counts, how = "month", d.months, fmt.Sprintf("month (the dated articles span at most %d months)", MonthSpan)
	}
	periods := periodRange(unit, d.stats.First, d.stats.Last)
	if len(periods) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date: there is no timeline."))
		return s
	}
	label := func(date corpus.Date) string {
		if unit == "month" {
			return period.Month.Of(date).String()
		}
		return period.Year.Of(date).String()
	}
	names, namesHow := b.timelinePersons()
	words, wordsHow := b.timelineTerms()
	b.param("timeline periods", how)
	b.param("timeline persons", strings.Join(names, ", ")+" ("+namesHow+")")
	b.param("timeline words", strings.Join(words, ", ")+" ("+wordsHow+")")
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"By %s, from the first to the last dated article. Persons: the articles naming each; words: occurrences per 10,000 words of the %s.", unit, unit)))

	articles := map[string]int{}
	byUnit := d.stats.Groups["year"]
	if unit == "month" {
		byUnit = d.stats.Groups["month"]
	}
	for p, g := range byUnit {
		articles[p] = g.Articles
	}
	named := map[string]map[string]int{} // person → period → articles
	for _, n := range names {
		named[n] = map[string]int{}
	}
	for _, p := range b.arts {
		if p.date.IsZero() {
			continue
		}
		for _, n := range p.persons {
			if m, ok := named[n]; ok {
				m[label(p.date)]++
			}
		}
	}
	// The charts run over every period; the tables list the periods with articles.
	pt := &report.Table{Caption: fmt.Sprintf("Articles naming each person, by %s.", unit), Columns: append([]string{unit, "articles"}, names...),
		Note: fmt.Sprintf("articles: all articles of the %s; %ss without articles are left out. Counts from the RW lists, as 'baokan persons'.", unit, unit)}
	wt := &report.Table{Caption: fmt.Sprintf("Words per 10,000 words, by %s.", unit), Columns: append([]string{unit, "words"}, words...),
		Note: fmt.Sprintf("words: the words kept in the %s's articles (the denominator); %ss without articles are left out. As 'baokan terms --by %s --top 0'.", unit, unit, unit)}
	personLines := chart.Lines{XLabel: unit, YLabel: "articles", Categories: periods}
	for _, n := range names {
		personLines.Series = append(personLines.Series, chart.Series{Name: n, Values: make([]float64, len(periods))})
	}
	wordLines := chart.Lines{XLabel: unit, YLabel: "per 10,000 words", Categories: periods}
	for _, w := range words {
		wordLines.Series = append(wordLines.Series, chart.Series{Name: w, Values: make([]float64, len(periods))})
	}
	// The followed words' counts by period, read off each period's counts in one sweep
	// (a lookup by text would index every period's terms).
	wordCount := map[string]map[string]int64{} // period → word → count
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	for _, p := range periods {
		if c, ok := counts.Lookup(p); ok {
			m := map[string]int64{}
			for t, n := range c.All() {
				if want[t] {
					m[t] = n
				}
			}
			wordCount[p] = m
		}
	}
	for i, p := range periods {
		c, ok := counts.Lookup(p)
		if !ok {
			c = terms.NewCounter()
		}
		for j, n := range names {
			personLines.Series[j].Values[i] = float64(named[n][p])
		}
		for j, w := range words {
			wordLines.Series[j].Values[i] = terms.Per10k(wordCount[p][w], c.Tokens())
		}
		if articles[p] == 0 {
			continue
		}
		prow, wrow := []any{p, articles[p]}, []any{p, c.Tokens()}
		for _, n := range names {
			prow = append(prow, named[n][p])
		}
		for _, w := range words {
			wrow = append(wrow, terms.Per10k(wordCount[p][w], c.Tokens()))
		}
		pt.Rows, wt.Rows = append(pt.Rows, prow), append(wt.Rows, wrow)
	}
	// Bursts on the raw counts: articles naming a person among the period's articles,
	// occurrences of a word among the period's words.
	model := burst.Default()
	bt := &report.Table{Caption: fmt.Sprintf("Bursts of the persons and words followed (Kleinberg's two-state automaton, s = %g, γ = %g).", model.S, model.Gamma),
		Columns: []string{"series", "start", "end", "periods", "level", "weight"},
		Note:    "weight: Σ over the burst of σ(0,t) − σ(1,t), how much better the burst state explains it. As 'baokan timeline --by " + unit + " --bursts' (see the methods)."}
	addBursts := func(lines *chart.Lines, kind string, r func(i, j int) int, d func(i int) int) error {
		for j := range lines.Series {
			rs, ds := make([]int, len(periods)), make([]int, len(periods))
			for i := range periods {
				rs[i], ds[i] = r(i, j), d(i)
			}
			bursts, err := model.Bursts(rs, ds)
			if err != nil {
				return err
			}
			for _, bu := range bursts {
				lines.Series[j].Bursts = append(lines.Series[j].Bursts, chart.Span{From: bu.Start, To: bu.End, Level: bu.Level})
				bt.Rows = append(bt.Rows, []any{kind + ":" + lines.Series[j].Name, periods[bu.Start], periods[bu.End], bu.End - bu.Start + 1, bu.Level, bu.Weight})
			}
		}
		return nil
	}
	tokensOf := func(i int) int {
		if c, ok := counts.Lookup(periods[i]); ok {
			return int(c.Tokens())
		}
		return 0
	}
	// Words first, as 'baokan timeline' lists its series.
	err := addBursts(&wordLines, "term", func(i, j int) int {
		return int(wordCount[periods[i]][words[j]])
	}, tokensOf)
	if err == nil {
		err = addBursts(&personLines, "person", func(i, j int) int { return named[names[j]][periods[i]] }, func(i int) int { return articles[periods[i]] })
	}
	if err != nil {
		s.Blocks = append(s.Blocks, report.Paragraph("Bursts could not be computed: "+err.Error()))
	}
	b.param("bursts", fmt.Sprintf("Kleinberg (2002), two states, s = %g, γ = %g, on the counts by %s", model.S, model.Gamma, unit))

	first, last := periods[0], periods[len(periods)-1]
	s.Blocks = append(s.Blocks, b.figs.Figure("timeline-persons", personLines,
		fmt.Sprintf("Line chart of the articles naming %s, %s by %s from %s to %s.", strings.Join(names, ", "), unit, unit, first, last),
		fmt.Sprintf("Articles naming each person, by %s; bursts shaded.", unit))...)
	s.Blocks = append(s.Blocks, b.figs.Figure("timeline-words", wordLines,
		fmt.Sprintf("Line chart of %s per 10,000 words, %s by %s from %s to %s.", strings.Join(words, ", "), unit, unit, first, last),
		fmt.Sprintf("Words per 10,000 words, by %s (0 in %ss without articles); bursts shaded.", unit, unit))...)
	if len(bt.Rows) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No burst: no person or word followed here comes in bursts."))
	} else {
		s.Blocks = append(s.Blocks, bt)
	}
	s.Blocks = append(s.Blocks, pt, wt)
	b.repro = append(b.repro, fmt.Sprintf("baokan terms --by %s --top 0", unit))
	var series []string
	for _, w := range words {
		series = append(series, "--term "+ShellQuote(w))
	}
	for _, n := range names {
		series = append(series, "--person "+ShellQuote(n))
	}
	b.repro = append(b.repro, fmt.Sprintf("baokan timeline --by %s --bursts %s", unit, strings.Join(series, " ")))
	return s
}
