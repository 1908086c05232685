package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// doc is a hand-made article: words as a segmenter would cut its body (spaces mark the
// cuts; "|" separates paragraphs).
func doc(body string, a corpus.Article) *Doc {
	var words []string
	for _, para := range strings.Split(body, "|") {
		a.Body = append(a.Body, strings.ReplaceAll(para, " ", ""))
		words = append(words, strings.Fields(para)...)
	}
	return &Doc{Article: &a, Words: words}
}

func spans(s []Span) string {
	var b []string
	for _, x := range s {
		b = append(b, fmt.Sprintf("%d-%d", x.Start, x.End))
	}
	return strings.Join(b, " ")
}

// The expected hits were worked out by hand from the word positions written under the body:
//
//	美国 帝国主义 在 古巴 部署 导弹 。 | 古巴 人民 反对 美国 帝国主义 。
//	0    1       2  3    4    5   6    7    8    9    10   11       12
//	(the paragraph break between 。 and 古巴 is no word)
func TestOperatorsByHand(t *testing.T) {
	d := doc("美国 帝国主义 在 古巴 部署 导弹 。|古巴 人民 反对 美国 帝国主义 。", corpus.Article{
		Title: "美帝在古巴的导弹", Kicker: "新华社", Page: 4, Genres: []string{"消息"}, Topics: []string{"古巴导弹危机"},
	})
	d.Persons = []string{"卡斯特罗"}
	cases := []struct {
		q     string
		match bool
		hits  string
	}{
		{"古巴", true, "3-4 7-8"},
		{"苏联", false, ""},
		{`"美国 帝国主义"`, true, "0-2 10-12"},
		{`"帝国主义 美国"`, false, ""},
		{`"古巴"`, true, "3-4 7-8"},
		{"/^帝国/", true, "1-2 11-12"},
		{"古巴 导弹", true, "3-4 5-6 7-8"},
		{"古巴 AND 苏联", false, ""},
		{"古巴 OR 苏联", true, "3-4 7-8"},
		{"苏联 OR 导弹 部署", true, "4-5 5-6"},
		{"古巴 NOT 苏联", true, "3-4 7-8"},
		{"NOT 古巴", false, ""},
		{"NOT 苏联", true, ""},
		{"NOT NOT 古巴", true, ""},
		{"(古巴 OR 苏联) NOT (导弹 AND 部署)", false, ""},
		// NEAR/N: at most N words between. 古巴(3) 导弹(5): one word between; 导弹(5)
		// and 古巴(7): 。(6) between.
		{"古巴 NEAR/1 导弹", true, "3-6 5-8"},
		{"古巴 NEAR/0 导弹", false, ""},
		{"导弹 NEAR/1 古巴", true, "3-6 5-8"},
		{"导弹 NEAR/2 古巴", true, "3-6 5-8"},
		{`古巴 NEAR/0 人民`, true, "7-9"},
		{`"美国 帝国主义" NEAR/2 古巴`, true, "0-4 7-12"},
		{`(部署 OR 反对) NEAR/0 美国`, true, "9-11"},
		// text: in the body across the cut 古巴|部署 -> words 3 and 4; in the title only.
		{`text:"古巴部署"`, true, "3-5"},
		{`text:"的导弹"`, true, ""},
		{`text:/帝国主义。$/`, true, "11-13"},
		{`text:苏联`, false, ""},
		{"title:导弹", true, ""},
		{"title:新华", true, ""},
		{"title:/^美帝/", true, ""},
		{"title:苏联", false, ""},
		{"page:4", true, ""},
		{"page:1-3", false, ""},
		{"page:3-5 古巴", true, "3-4 7-8"},
		{"genre:消息", true, ""},
		{"genre:社论", false, ""},
		{"topic:古巴导弹危机", true, ""},
		{"topic:古巴", false, ""},
		{"topic:/古巴/", true, ""},
		{"person:卡斯特罗", true, ""},
		{"person:肯尼迪", false, ""},
		{"古巴 OR person:肯尼迪", true, "3-4 7-8"},
	}
	for _, c := range cases {
		q, err := Compile(c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if got := q.Match(d); got != c.match {
			t.Errorf("Match(%s) = %v, want %v", c.q, got, c.match)
		}
		ok, hits := q.Hits(d)
		if ok != c.match || spans(hits) != c.hits {
			t.Errorf("Hits(%s) = %v %q, want %v %q", c.q, ok, spans(hits), c.match, c.hits)
		}
		// The same through vocabulary ids.
		vocab := map[string]uint32{}
		var terms []string
		ids := make([]uint32, len(d.Words))
		for i, w := range d.Words {
			id, seen := vocab[w]
			if !seen {
				id = uint32(len(terms))
				vocab[w] = id
				terms = append(terms, w)
			}
			ids[i] = id
		}
		q.Bind(terms)
		byID := &Doc{Article: d.Article, Words: d.Words, IDs: ids, Persons: d.Persons}
		ok, hits = q.Hits(byID)
		if ok != c.match || spans(hits) != c.hits {
			t.Errorf("by id: Hits(%s) = %v %q, want %v %q", c.q, ok, spans(hits), c.match, c.hits)
		}
	}
}

func TestPrecedence(t *testing.T) {
	for q, want := range map[string]string{
		"a OR b c":           "(a OR (b AND c))",
		"a b OR c":           "((a AND b) OR c)",
		"NOT a b":            "(NOT a AND b)",
		"a AND b AND c":      "(a AND b AND c)",
		"a NEAR/3 b c":       "((a NEAR/3 b) AND c)",
		"(a OR b) NEAR/2 c":  "((a OR b) NEAR/2 c)",
		`"x y" title:"a b"`:  `("x y" AND title:"a b")`,
		"and or not":         "(and AND or AND not)",
		`"a\"b"`:             `"a\"b"`,
		"/a\\/b/":            "/a/b/",
		"page:2-3 genre:/社/": "(page:2-3 AND genre:/社/)",
	} {
		n, err := Parse(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if n.String() != want {
			t.Errorf("Parse(%s) = %s, want %s", q, n, want)
		}
	}
}

// Each bad query fails at the character given (counted from 1, as the message says).
func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct {
		q    string
		pos  int
		want string
	}{
		{"", 1, "empty query"},
		{"   ", 1, "empty query"},
		{"古巴 AND", 7, "a term is missing at the end"},
		{"(古巴 OR 导弹", 1, "( without its )"},
		{"古巴)", 3, "unmatched )"},
		{`"古巴 导弹`, 1, "unclosed quote"},
		{"/[/", 2, "bad pattern"},
		{"古巴 NEAR/x 导弹", 9, "NEAR/ needs a whole number"},
		{"古巴 NEAR 导弹", 8, "NEAR needs its window"},
		{"foo:古巴", 1, `unknown field "foo:"`},
		{"title: 古巴", 7, "title: needs a value right after the colon"},
		{"page:x", 6, "page: takes a number"},
		{"古巴 NEAR/3 page:1", 11, "NEAR needs words on its right"},
		{"()", 2, "empty parentheses"},
		{"OR 古巴", 1, "expected a term but found operator OR"},
		{`""`, 1, "empty quotes"},
	} {
		_, err := Parse(c.q)
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", c.q, err)
			continue
		}
		if se.Pos+1 != c.pos || !strings.Contains(se.Msg, c.want) {
			t.Errorf("Parse(%q): %q at %d, want %q at %d", c.q, se.Msg, se.Pos+1, c.want, c.pos)
		}
	}
	// The caret sits under the failing character, two columns per wide character.
	_, err := Parse("古巴 AND )")
	want := "expected a term but found ) at character 8\n  古巴 AND )\n           ^"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
}

// Candidates by hand: units 0–3 hold the words a {0,1}, b {1,2}, c {3}.
func TestCandidates(t *testing.T) {
	vocab := []string{"a", "b", "c", "d"}
	where := map[uint32][]int{0: {0, 1}, 1: {1, 2}, 2: {3}}
	units := func(ids []uint32) []int {
		var out []int
		for _, id := range ids {
			out = union(out, where[id])
		}
		return out
	}
	for q, want := range map[string]string{
		"a":           "[0 1] true",
		"a b":         "[1] true",
		"a OR c":      "[0 1 3] true",
		`"a b"`:       "[1] true",
		"a NEAR/2 c":  "[] true",
		"/^[ab]$/":    "[0 1 2] true",
		"d":           "[] true",
		"a NOT b":     "[0 1] true",
		"NOT a":       "[] false",
		"a OR page:1": "[] false",
		"text:a":      "[] false",
		"b title:x":   "[1 2] true",
		"(a OR b) c":  "[] true",
		"(a OR b) b":  "[1 2] true",
	} {
		c, err := Compile(q)
		if err != nil {
			t.Fatal(err)
		}
		c.Bind(vocab)
		got, ok := c.Candidates(units)
		if s := fmt.Sprint(append([]int{}, got...), " ", ok); s != want {
			t.Errorf("Candidates(%s) = %s, want %s", q, s, want)
		}
	}
}

// CandidateBlocks: the units of Candidates, nil (read every unit) when the query may match
// without its words or listing fails, an empty slice (read none) when no unit can match.
func TestCandidateBlocks(t *testing.T) {
	vocab := []string{"a", "b"}
	where := map[uint32][]int{0: {0, 1}, 1: {1, 2}}
	units := func(ids []uint32) ([]int, error) {
		var out []int
		for _, id := range ids {
			out = union(out, where[id])
		}
		return out, nil
	}
	broken := func([]uint32) ([]int, error) { return nil, errors.New("damaged postings") }
	for _, c := range []struct {
		q      string
		broken bool
		want   []int
	}{
		{"a", false, []int{0, 1}},
		{"a b", false, []int{1}},
		{"a NEAR/1 x", false, []int{}},
		{"NOT a", false, nil},
		{"a", true, nil},
	} {
		q, err := Compile(c.q)
		if err != nil {
			t.Fatal(err)
		}
		q.Bind(vocab)
		f := units
		if c.broken {
			f = broken
		}
		got := q.CandidateBlocks(f)
		if (got == nil) != (c.want == nil) || fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("CandidateBlocks(%s, broken %v) = %#v, want %#v", c.q, c.broken, got, c.want)
		}
	}
}
