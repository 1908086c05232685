package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/baokan/baokan/internal/arrowread"
)

// exportSample runs `baokan export` on the embedded sample into a new directory and
// returns it.
func exportSample(t *testing.T, wantCode int, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	code, _, errOut := baokanRun(t, append([]string{"export", "--parquet", dir, "-q"}, args...)...)
	if code != wantCode {
		t.Fatalf("export %v: exit %d, want %d: %s", args, code, wantCode, errOut)
	}
	return dir
}

// readBoth reads the two tables of an export with Apache Arrow's reader (independent
// of parquet-go, which wrote them).
func readBoth(t *testing.T, dir string) (arts, toks *arrowread.Table) {
	t.Helper()
	var err error
	if arts, err = arrowread.Read(filepath.Join(dir, articlesFile)); err != nil {
		t.Fatal(err)
	}
	if toks, err = arrowread.Read(filepath.Join(dir, tokensFile)); err != nil {
		t.Fatal(err)
	}
	return arts, toks
}

// byFile maps each sample file's base name (one article a file) to its row in arts.
func byFile(arts *arrowread.Table) map[string]int {
	rows := map[string]int{}
	for i, p := range arts.Columns["path"] {
		rows[path(p.(string))] = i
	}
	return rows
}

func TestExportSample(t *testing.T) {
	dir := exportSample(t, exitOK, "--workers", "4")
	arts, toks := readBoth(t, dir)
	// The words of the sample, from 'baokan terms --by year' (group,term,count,…): by term
	// over all years, and by year (articles without a date would be in group "").
	counts, byYear := map[string]int{}, map[string]int{}
	words := 0
	for _, r := range csvRows(t, "terms", "--by", "year", "--top", "0")[1:] {
		n, _ := strconv.Atoi(r[2])
		counts[r[1]] += n
		byYear[r[0]] += n
		words += n
	}

	t.Run("articles", func(t *testing.T) {
		// The sample is 30 tagged files and 8 JSON files of one article each (testdata/README.md).
		if n := len(sampleFiles(t)) + len(sampleJSON(t)); arts.Rows() != n || n != 38 {
			t.Fatalf("%d article rows, want %d (files in the sample)", arts.Rows(), n)
		}
		for i, id := range arts.Columns["article"] {
			if id != int64(i) {
				t.Fatalf("row %d: article %v, want %d (0-based in corpus order)", i, id, i)
			}
		}
		rows := byFile(arts)
		// Read by hand in the files (〖RQ/日期〗 and the RW lists).
		for file, want := range map[string]struct {
			date    string
			year    int32
			persons []string
		}{
			"195808040101.TXT": {"1958-08-04", 1958, []string{"毛泽东"}},
			"196210290305.TXT": {"1962-10-29", 1962, []string{"赫鲁晓夫", "肯尼迪"}},        // RW：赫鲁晓夫/肯尼迪/互致信件
			"195910020205.TXT": {"1959-10-02", 1959, []string{"毛泽东", "刘少奇", "赫鲁晓夫"}}, // RW：毛泽东刘少奇赫鲁晓夫等
			"200305280101.TXT": {"2003-05-28", 2003, []string{"胡锦涛"}},                // RW：胡锦涛 at the end of the body
		} {
			i, ok := rows[file]
			if !ok {
				t.Errorf("%s: no row", file)
				continue
			}
			if d, y := arts.Columns["date"][i], arts.Columns["year"][i]; d != want.date || y != want.year {
				t.Errorf("%s: date %v year %v, want %s %d", file, d, y, want.date, want.year)
			}
			if got := arts.Columns["persons"][i]; !reflect.DeepEqual(got, want.persons) {
				t.Errorf("%s: persons %v, want %v", file, got, want.persons)
			}
		}
	})

	t.Run("lists match articles and persons", func(t *testing.T) {
		// rw against `baokan articles` (json), persons against `baokan persons` (one row per
		// article and person), both in corpus order.
		_, out, _ := baokanRun(t, "articles", "--format", "jsonl", "-q")
		rows := byFile(arts)
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var a struct {
				Path  string
				RW    []string
				Paper string
			}
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatal(err)
			}
			if got := arts.Columns["rw"][rows[path(a.Path)]]; !reflect.DeepEqual(got, a.RW) {
				t.Errorf("%s: rw %v, want %v", a.Path, got, a.RW)
			}
			if got := arts.Columns["paper"][rows[path(a.Path)]]; got != a.Paper {
				t.Errorf("%s: paper %q, want %q ('baokan articles')", a.Path, got, a.Paper)
			}
		}
		want := map[string][]string{}
		for _, r := range csvRows(t, "persons")[1:] {
			want[path(r[0])] = append(want[path(r[0])], r[4])
		}
		for file, i := range rows {
			got := arts.Columns["persons"][i].([]string)
			if len(got) != len(want[file]) || len(got) > 0 && !reflect.DeepEqual(got, want[file]) {
				t.Errorf("%s: persons %v, want %v ('baokan persons')", file, got, want[file])
			}
		}
	})

	t.Run("tokens", func(t *testing.T) {
		// Every word 'baokan terms' counts is one row: the same multiset of terms.
		if toks.Rows() != words || words == 0 {
			t.Fatalf("%d token rows, want %d (the sum of 'baokan terms' counts)", toks.Rows(), words)
		}
		left := maps.Clone(counts)
		for _, term := range toks.Columns["term"] {
			left[term.(string)]--
		}
		for term, n := range left {
			if n != 0 {
				t.Errorf("%s: %d more in 'baokan terms' than in the token table", term, n)
			}
		}
		// Sorted by article then position; positions 0, 1, … within an article; each
		// article's rows number articles.tokens; every article id joins.
		perArticle := make([]int32, arts.Rows())
		prev := int64(-1)
		for i, a := range toks.Columns["article"] {
			id, pos := a.(int64), toks.Columns["position"][i].(int32)
			if id < prev || id >= int64(arts.Rows()) {
				t.Fatalf("row %d: article %d after %d (of %d articles)", i, id, prev, arts.Rows())
			}
			if pos != perArticle[id] {
				t.Fatalf("row %d: article %d position %d, want %d", i, id, pos, perArticle[id])
			}
			perArticle[id]++
			prev = id
		}
		for i, n := range perArticle {
			if arts.Columns["tokens"][i] != n {
				t.Errorf("article %d: tokens %v, %d rows in the token table", i, arts.Columns["tokens"][i], n)
			}
		}
	})

	t.Run("same bytes on one core", func(t *testing.T) {
		// --strict: the sample has diagnostics (exit 2), and the files are written all
		// the same.
		one := exportSample(t, exitDiagnostics, "--workers", "1", "--strict")
		for _, name := range []string{articlesFile, tokensFile} {
			a, errA := os.ReadFile(filepath.Join(dir, name))
			b, errB := os.ReadFile(filepath.Join(one, name))
			if errA != nil || errB != nil || !bytes.Equal(a, b) {
				t.Errorf("%s differs between --workers 4 and 1 (%v, %v)", name, errA, errB)
			}
		}
	})

	t.Run("no tokens", func(t *testing.T) {
		// --no-tokens: the same articles table, tokens null, no token table.
		only := exportSample(t, exitOK, "--no-tokens")
		if _, err := os.Stat(filepath.Join(only, tokensFile)); !os.IsNotExist(err) {
			t.Errorf("--no-tokens wrote %s (%v)", tokensFile, err)
		}
		got, err := arrowread.Read(filepath.Join(only, articlesFile))
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range arts.Names {
			if col == "tokens" {
				for i, n := range got.Columns[col] {
					if n != nil {
						t.Errorf("row %d: tokens %v, want null without segmentation", i, n)
					}
				}
			} else if !reflect.DeepEqual(got.Columns[col], arts.Columns[col]) {
				t.Errorf("%s differs from the full export's", col)
			}
		}
	})

	t.Run("duckdb", func(t *testing.T) { duckDBReads(t, dir, words, byYear) })
}

// TestExportTermsAreTheSegmentersWords: the terms of one article, in order, are the words
// 'baokan segment --filter' cuts from its body (without the corpus's words, which
// segment does not add).
func TestExportTermsAreTheSegmentersWords(t *testing.T) {
	dir := exportSample(t, exitOK, "--no-corpus-words")
	arts, toks := readBoth(t, dir)
	i := byFile(arts)["196210290305.TXT"]
	key := arts.Columns["path"][i].(string) + ":" + strconv.Itoa(int(arts.Columns["line"][i].(int32)))
	body := sampleBodies(t)[key]
	if body == "" {
		t.Fatalf("%s: no body", key)
	}
	bodyFile := filepath.Join(t.TempDir(), "body.txt")
	if err := os.WriteFile(bodyFile, []byte(body+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := baokanRun(t, "segment", "--filter", bodyFile)
	if code != exitOK {
		t.Fatalf("segment: exit %d: %s", code, errOut)
	}
	want := strings.Fields(out)
	var got []string
	for r, a := range toks.Columns["article"] {
		if a == int64(i) {
			got = append(got, toks.Columns["term"][r].(string))
		}
	}
	if len(want) == 0 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("article %d terms:\n%v\nsegment --filter of its body:\n%v", i, got, want)
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, `"parquet" not set`},
		{[]string{"export", "--parquet", dir, "--format", "csv"}, "--format"},
		{[]string{"export", "--parquet", dir, "--no-tokens", "--titles"}, "--titles"},
		{[]string{"export", "--parquet", filepath.Join(dir, "f", "x"), "--aliases", filepath.Join(dir, "missing")}, "--aliases"},
	} {
		code, _, errOut := baokanRun(t, c.args...)
		if code != exitError || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want exit 1 naming %s", c.args, code, errOut, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed export left %d entries in %s", len(entries), dir)
	}
}

// duckDBNodeModules returns the node_modules folder that holds DuckDB's Node package
// (@duckdb/node-api): $BAOKAN_DUCKDB_NODE_PATH, else where .ci/run installs it.
func duckDBNodeModules() string {
	if p := os.Getenv("BAOKAN_DUCKDB_NODE_PATH"); p != "" {
		return p
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "baokan-ci", "duckdb-node", "node_modules")
}

// duckDBScript queries the two tables (folder in argv[2]) and prints the answers as JSON.
const duckDBScript = `
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const dir = process.argv[2];
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run("CREATE VIEW articles AS SELECT * FROM read_parquet('" + dir + "/articles.parquet')");
  await c.run("CREATE VIEW tokens AS SELECT * FROM read_parquet('" + dir + "/tokens.parquet')");
  const q = async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJson();
  console.log(JSON.stringify({
    types: await q("SELECT column_name, column_type FROM (DESCRIBE articles) UNION ALL SELECT 'tokens.' || column_name, column_type FROM (DESCRIBE tokens)"),
    counts: await q("SELECT (SELECT count(*) FROM articles)::INTEGER AS articles, (SELECT count(*) FROM tokens)::INTEGER AS tokens"),
    years: await q("SELECT coalesce(a.year::VARCHAR, '') AS year, count(*)::INTEGER AS n FROM tokens t JOIN articles a USING (article) GROUP BY ALL ORDER BY 1"),
    papers: await q("SELECT paper, count(*)::INTEGER AS n FROM articles GROUP BY ALL ORDER BY 1"),
    persons: await q("SELECT p AS person, count(*)::INTEGER AS n FROM (SELECT unnest(persons) AS p FROM articles) GROUP BY ALL ORDER BY n DESC, p LIMIT 1"),
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`

// duckDBReads has DuckDB read the export in dir: the types it sees, the row counts
// (words: tokens expected), and a join of the tokens with the articles grouped by year
// (byYear: words by year, from 'baokan terms --by year').
func duckDBReads(t *testing.T, dir string, words int, byYear map[string]int) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: DuckDB's check of the Parquet files skipped")
	}
	modules := duckDBNodeModules()
	if _, err := os.Stat(filepath.Join(modules, "@duckdb", "node-api")); err != nil {
		t.Skipf("DuckDB's Node package is not in %s (set BAOKAN_DUCKDB_NODE_PATH, or run .ci/run): skipped", modules)
	}
	script := filepath.Join(t.TempDir(), "query.cjs")
	if err := os.WriteFile(script, []byte(duckDBScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, dir)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v: %s", err, stderr.String())
	}
	var got struct {
		Types []struct {
			ColumnName string `json:"column_name"`
			ColumnType string `json:"column_type"`
		}
		Counts []struct{ Articles, Tokens int }
		Years  []struct {
			Year string
			N    int
		}
		Papers []struct {
			Paper string
			N     int
		}
		Persons []struct {
			Person string
			N      int
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	types := map[string]string{}
	for _, c := range got.Types {
		types[c.ColumnName] = c.ColumnType
	}
	for col, want := range map[string]string{"article": "BIGINT", "date": "DATE", "paper": "VARCHAR", "year": "INTEGER",
		"persons": "VARCHAR[]", "rw": "VARCHAR[]", "title": "VARCHAR", "tokens": "INTEGER",
		"tokens.article": "BIGINT", "tokens.position": "INTEGER", "tokens.term": "VARCHAR"} {
		if types[col] != want {
			t.Errorf("DuckDB sees %s as %s, want %s", col, types[col], want)
		}
	}
	if len(got.Counts) != 1 || got.Counts[0].Articles != 38 || got.Counts[0].Tokens != words {
		t.Errorf("DuckDB counts %+v, want 38 articles and %d tokens", got.Counts, words)
	}
	years := map[string]int{}
	for _, y := range got.Years {
		years[y.Year] = y.N
	}
	if len(years) == 0 || !reflect.DeepEqual(years, byYear) {
		t.Errorf("DuckDB words by year %v\nwant ('baokan terms --by year') %v", years, byYear)
	}
	// Articles by paper: the sample's 30 tagged files name no paper, its 8 JSON files are
	// the People's Daily's (testdata/README.md), as 'baokan stats --by paper' counts them.
	papers := map[string]int{}
	for _, p := range got.Papers {
		papers[p.Paper] = p.N
	}
	if want := map[string]int{"": 30, "人民日报": 8}; !reflect.DeepEqual(papers, want) {
		t.Errorf("DuckDB articles by paper %v, want %v", papers, want)
	}
	for _, r := range csvRows(t, "stats", "--by", "paper")[1:] {
		if name := strings.TrimSuffix(r[0], "(none)"); papers[name] != atoi(t, r[1]) {
			t.Errorf("DuckDB: %d articles of paper %q, 'baokan stats --by paper' %s", papers[name], name, r[1])
		}
	}
	// The most mentioned person, from 'baokan persons --summary' (most articles first,
	// ties by name: the same order as the query's).
	top := csvRows(t, "persons", "--summary")[1]
	if len(got.Persons) != 1 || got.Persons[0].Person != top[0] || strconv.Itoa(got.Persons[0].N) != top[1] {
		t.Errorf("DuckDB top person %+v, want %v ('baokan persons --summary')", got.Persons, top[:2])
	}
}
