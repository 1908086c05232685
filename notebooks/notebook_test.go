package notebooks

// The notebooks are documentation that runs: these tests keep them runnable and right.
// TestNotebooksCommittedClean checks, in Go alone, that every notebook is committed with its
// outputs cleared. TestNotebooks builds baokan once, executes each notebook headless with
// `python3 -m nbconvert --execute` (Debian's /usr/bin/python3), and checks the executed copy:
// no cell raised or wrote on stderr, the figures are there, and what the cells print agrees
// with facts taken from the sample's file names (../testdata/sample/txt) or counted by hand.

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pythonPath is the interpreter Debian's python3-* packages serve; the python3 first on PATH
// may be another one without them.
const pythonPath = "/usr/bin/python3"

// pythonModules are what executing the notebooks needs: nbconvert runs them, ipykernel is the
// kernel, pandas, networkx and matplotlib are what the notebooks use.
var pythonModules = []string{"nbformat", "nbconvert", "ipykernel", "pandas", "networkx", "matplotlib"}

const aptHint = "apt-get install python3-nbconvert python3-ipykernel python3-pandas python3-networkx python3-matplotlib fonts-wqy-microhei"

// cellTimeout bounds each cell; the slowest (a word command on the sample) takes a few seconds.
const cellTimeout = 300 * time.Second

// notebook is the part of the nbformat 4 JSON the tests read.
type notebook struct {
	Cells    []cell `json:"cells"`
	Metadata struct {
		Kernelspec struct {
			Name string `json:"name"`
		} `json:"kernelspec"`
	} `json:"metadata"`
	Format      int `json:"nbformat"`
	FormatMinor int `json:"nbformat_minor"`
}

type cell struct {
	ID             string                     `json:"id"`
	Type           string                     `json:"cell_type"`
	Source         multiline                  `json:"source"`
	Metadata       map[string]json.RawMessage `json:"metadata"`
	Outputs        []output                   `json:"outputs"`
	ExecutionCount *int                       `json:"execution_count"`
}

type output struct {
	Type      string               `json:"output_type"` // stream, execute_result, display_data, error
	Name      string               `json:"name"`        // stdout or stderr, for streams
	Text      multiline            `json:"text"`
	Data      map[string]multiline `json:"data"`
	Ename     string               `json:"ename"`
	Evalue    string               `json:"evalue"`
	Traceback []string             `json:"traceback"`
}

// multiline is a notebook text: nbformat allows one string or a list of lines.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err != nil {
		return err
	}
	*m = multiline(strings.Join(lines, ""))
	return nil
}

func readNotebook(t *testing.T, path string) notebook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return nb
}

// notebookNames are the notebooks of this folder, in reading order.
var notebookNames = []string{"01-corpus-statistics.ipynb", "02-persons-network.ipynb", "03-keyword-trends.ipynb", "04-concept-index.ipynb", "05-explorer-api.ipynb"}

func TestNotebooksCommittedClean(t *testing.T) {
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	// Every notebook here is one the execution test runs, and the other way round.
	if strings.Join(paths, " ") != strings.Join(notebookNames, " ") {
		t.Errorf("notebooks %v, want %v (add a new one to notebookNames and its checks)", paths, notebookNames)
	}
	for _, path := range paths {
		nb := readNotebook(t, path)
		// Cell ids (nbformat 4.5) are how the execution test finds a cell's output.
		if nb.Format != 4 || nb.FormatMinor < 5 {
			t.Errorf("%s: nbformat %d.%d, want 4.5 or later (cell ids)", path, nb.Format, nb.FormatMinor)
		}
		if nb.Metadata.Kernelspec.Name != "python3" {
			t.Errorf("%s: kernel %q, want python3", path, nb.Metadata.Kernelspec.Name)
		}
		seen := map[string]bool{}
		var code []cell
		for i, c := range nb.Cells {
			if c.ID == "" || seen[c.ID] {
				t.Errorf("%s: cell %d: id %q missing or repeated", path, i, c.ID)
			}
			seen[c.ID] = true
			if c.Type != "code" {
				continue
			}
			code = append(code, c)
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s: cell %q was committed with outputs; clear them (Kernel > Restart & Clear Output)", path, c.ID)
			}
			// nbconvert --execute records run times here, and --clear-output keeps them.
			if _, ok := c.Metadata["execution"]; ok {
				t.Errorf("%s: cell %q was committed with execution times; execute into another file, not --inplace", path, c.ID)
			}
		}
		// The first code cell is where a reader sets the corpus and where baokan is found.
		if len(code) == 0 || !strings.Contains(string(code[0].Source), "CORPUS = []") ||
			!strings.Contains(string(code[0].Source), `os.environ.get("BAOKAN"`) {
			t.Errorf("%s: the first code cell must set CORPUS = [] and read BAOKAN", path)
		}
	}
}

// sampleFacts are what the embedded sample's files tell: the tagged files' names
// (txt/YYYY/YYYYMM/YYYYMMDD/YYYYMMDDPPNN.TXT) and the People's Daily JSON files' dates and
// pages (json/YYYY/M/N.json, read with encoding/json); one article a file in both
// (../testdata/README.md).
type sampleFacts struct {
	articles, frontPage int            // files; files of page 1
	perYear             map[string]int // articles by YYYY
	first, last         string         // dates, YYYY-MM-DD
}

func readSampleFacts(t *testing.T) sampleFacts {
	t.Helper()
	name := regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(\d{2})\d{2}\.TXT$`)
	facts := sampleFacts{perYear: map[string]int{}}
	var dates []string
	add := func(year, month, day string, page int) {
		facts.articles++
		facts.perYear[year]++
		if page == 1 {
			facts.frontPage++
		}
		dates = append(dates, year+"-"+month+"-"+day)
	}
	err := filepath.WalkDir("../testdata/sample/txt", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		m := name.FindStringSubmatch(d.Name())
		if m == nil {
			return fmt.Errorf("%s: not a YYYYMMDDPPNN.TXT name", path)
		}
		page, _ := strconv.Atoi(m[4])
		add(m[1], m[2], m[3], page)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir("../testdata/sample/json", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var rec struct {
			Dates []struct{ Year, Month, Day int } `json:"dates"`
			Page  int                              `json:"page_start"`
		}
		if err := json.Unmarshal(raw, &rec); err != nil || len(rec.Dates) != 1 {
			return fmt.Errorf("%s: %v", path, err)
		}
		dt := rec.Dates[0]
		add(fmt.Sprintf("%04d", dt.Year), fmt.Sprintf("%02d", dt.Month), fmt.Sprintf("%02d", dt.Day), rec.Page)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dates) == 0 {
		t.Fatal("no file in ../testdata/sample")
	}
	sort.Strings(dates)
	facts.first, facts.last = dates[0], dates[len(dates)-1]
	return facts
}

// requirePython skips the test, saying what to install, when /usr/bin/python3 cannot run the
// notebooks. Importing matplotlib.font_manager also builds matplotlib's font cache on a fresh
// machine, whose "building the font cache" notice would otherwise land in a notebook cell.
func requirePython(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(pythonPath); err != nil {
		t.Skipf("%s not found; install Debian's python3 and %s", pythonPath, aptHint)
	}
	check := "import " + strings.Join(pythonModules, ", ") + "; import matplotlib.font_manager"
	if out, err := exec.Command(pythonPath, "-c", check).CombinedOutput(); err != nil {
		t.Skipf("%s cannot %q (%s); install them with %s", pythonPath, check, lastLine(string(out)), aptHint)
	}
}

// hasChineseFont reports whether fontconfig lists a font for Chinese: then the notebooks
// must find one for matplotlib. Without fc-list, nothing is required.
func hasChineseFont() bool {
	out, err := exec.Command("fc-list", ":lang=zh", "family").Output()
	return err == nil && strings.TrimSpace(string(out)) != ""
}

// executeNotebook runs the notebook name with baokan through nbconvert into dir and returns the
// executed copy. Errors do not stop the run (allow_errors), so that every failing cell is
// reported, with its traceback, by outputsByID.
func executeNotebook(t *testing.T, name, baokan, dir string) notebook {
	t.Helper()
	// A kernel spec of our own, first on JUPYTER_PATH, so that the kernel is /usr/bin/python3
	// whatever kernels the user has installed (tracebacks uncoloured, for a readable failure);
	// Jupyter's and IPython's state go to dir too.
	kernelDir := filepath.Join(dir, "jupyter", "kernels", "python3")
	if err := os.MkdirAll(kernelDir, 0o755); err != nil {
		t.Fatal(err)
	}
	spec := fmt.Sprintf(`{"argv": [%q, "-m", "ipykernel_launcher", "-f", "{connection_file}",
  "--InteractiveShell.colors=NoColor"],
 "display_name": "Python 3 (Debian)", "language": "python"}`, pythonPath)
	if err := os.WriteFile(filepath.Join(kernelDir, "kernel.json"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// The kernel runs in the notebook's folder (notebooks/), as for a reader.
	cmd := exec.CommandContext(ctx, pythonPath, "-m", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.kernel_name=python3",
		"--ExecutePreprocessor.timeout="+strconv.Itoa(int(cellTimeout.Seconds())),
		"--ExecutePreprocessor.allow_errors=True",
		"--output-dir", dir, "--output", name, name)
	cmd.Env = append(os.Environ(),
		"BAOKAN="+baokan,
		"BAOKAN_NOTEBOOK_OUT="+filepath.Join(dir, "output"),
		"BAOKAN_CORPUS=", // the embedded sample, whatever the caller's environment says
		"JUPYTER_PATH="+filepath.Join(dir, "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "jupyter-data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "jupyter-runtime"),
		"IPYTHONDIR="+filepath.Join(dir, "ipython"),
		"PYDEVD_DISABLE_FILE_VALIDATION=1", // quiets ipykernel's debugger warning
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nbconvert --execute %s: %v\n%s", name, err, out)
	}
	return readNotebook(t, filepath.Join(dir, name))
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndex(s, "\n")+1:]
}

// cellText gathers what a code cell showed: standard output, standard error, the text/plain
// form of its results, and how many PNG figures it displayed.
type cellText struct {
	stdout, stderr, result string
	figures                int
}

// outputsByID returns what each code cell showed, by cell id, and fails the test for every
// cell that was not executed or raised.
func outputsByID(t *testing.T, nb notebook) map[string]cellText {
	t.Helper()
	texts := map[string]cellText{}
	for _, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		if c.ExecutionCount == nil {
			t.Errorf("cell %q was not executed", c.ID)
		}
		var ct cellText
		for _, o := range c.Outputs {
			switch o.Type {
			case "stream":
				if o.Name == "stderr" {
					ct.stderr += string(o.Text)
				} else {
					ct.stdout += string(o.Text)
				}
			case "execute_result", "display_data":
				ct.result += string(o.Data["text/plain"])
				if o.Data["image/png"] != "" {
					ct.figures++
				}
			case "error":
				t.Errorf("cell %q raised %s: %s\n%s", c.ID, o.Ename, o.Evalue, strings.Join(o.Traceback, "\n"))
			}
		}
		texts[c.ID] = ct
	}
	return texts
}

// expectation is what one notebook must show: lines its cells print (exact prefixes), cells
// that display a figure, and further checks on the outputs.
type expectation struct {
	lines   map[string][]string
	figures []string
	check   func(t *testing.T, out map[string]cellText)
}

func TestNotebooks(t *testing.T) {
	if testing.Short() {
		t.Skip("executing the notebooks takes about a minute; skipped with -short")
	}
	requirePython(t)
	facts := readSampleFacts(t)

	dir := t.TempDir()
	baokan := filepath.Join(dir, "baokan")
	if out, err := exec.Command("go", "build", "-o", baokan, "../cmd/baokan").CombinedOutput(); err != nil {
		t.Fatalf("go build ../cmd/baokan: %v\n%s", err, out)
	}

	setup := []string{"baokan: " + baokan, "corpus: the sample embedded in baokan"}
	if hasChineseFont() {
		// fontconfig knows a Chinese font, so the notebooks must use one for their figures.
		setup = append(setup, "CJK font: ")
	}
	expectations := map[string]expectation{
		"01-corpus-statistics.ipynb": corpusStatistics(facts, setup),
		"02-persons-network.ipynb":   personsNetwork(setup),
		"03-keyword-trends.ipynb":    keywordTrends(facts, setup),
		"04-concept-index.ipynb":     conceptIndex(facts, setup),
		"05-explorer-api.ipynb":      explorerAPI(facts),
	}
	for _, name := range notebookNames {
		want := expectations[name]
		t.Run(strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) {
			t.Parallel()
			runDir := filepath.Join(dir, strings.TrimSuffix(name, ".ipynb"))
			out := outputsByID(t, executeNotebook(t, name, baokan, runDir))
			for id, lines := range want.lines {
				ct, ok := out[id]
				if !ok {
					t.Errorf("no code cell %q", id)
					continue
				}
				for _, line := range lines {
					if !hasLinePrefix(ct.stdout, line) {
						t.Errorf("cell %q printed\n%s\nwant a line starting %q", id, ct.stdout, line)
					}
				}
			}
			for _, id := range want.figures {
				if out[id].figures == 0 {
					t.Errorf("cell %q displayed no PNG figure", id)
				}
			}
			// The notebooks show baokan's summary lines on standard output; anything on
			// standard error (a pandas warning, a glyph missing from the font) is a blemish
			// in a notebook meant for reading.
			for id, ct := range out {
				if ct.stderr != "" {
					t.Errorf("cell %q wrote on stderr:\n%s", id, ct.stderr)
				}
			}
			if want.check != nil {
				want.check(t, out)
			}
		})
	}
}

func corpusStatistics(facts sampleFacts, setup []string) expectation {
	years := make([]string, 0, len(facts.perYear))
	for y := range facts.perYear {
		years = append(years, y)
	}
	sort.Strings(years)
	return expectation{
		lines: map[string][]string{
			"setup": setup,
			"stats-overview": {
				fmt.Sprintf("articles: %d", facts.articles),
				"first date: " + facts.first,
				"last date: " + facts.last,
			},
			// The quirks listed in ../testdata/README.md: RW glued to FL (19591002 p02 #6),
			// body in ZZ (19850725), an empty RW list (19971030); a title glued to the text
			// (json/1955/8/313), authors glued (json/1993/1/548); one a file.
			"diagnostics":   {"diagnostics: 5 in 5 files"},
			"stats-by-year": {fmt.Sprintf("years: %d articles: %d", len(facts.perYear), facts.articles)},
			"articles": {
				fmt.Sprintf("articles: %d", facts.articles),
				fmt.Sprintf("front-page articles: %d", facts.frontPage),
			},
			"articles-check": {"stats --by year agrees with the articles table"},
			// 19610712 p03 #2 has no body (../testdata/README.md); every JSON file has text.
			"lengths": {"articles without a body: 1"},
			"front-page": {fmt.Sprintf("front-page share: %d/%d = %.1f%%",
				facts.frontPage, facts.articles, 100*float64(facts.frontPage)/float64(facts.articles))},
			// 25 files hold "RW：" (grep over the UTF-8 copies), one of them with no entry
			// (19971030 p01 #2); the JSON files have no RW lists.
			"rw-coverage": {fmt.Sprintf("articles with an RW list: 24 of %d", facts.articles)},
		},
		figures: []string{"stats-by-year", "stats-by-page", "stats-by-genre", "lengths", "front-page"},
		check: func(t *testing.T, out map[string]cellText) {
			// The by-year table has every year of the file names with its number of files.
			for _, y := range years {
				row := fmt.Sprintf(`(?m)^\s*\d+\s+%s\s+%d\s`, y, facts.perYear[y])
				if !regexp.MustCompile(row).MatchString(out["stats-by-year"].result) {
					t.Errorf("stats --by year lacks the row %s with %d articles:\n%s", y, facts.perYear[y], out["stats-by-year"].result)
				}
			}
			// Every corpus command reports reading the whole sample.
			if s := out["stats-overview"].stdout; !strings.Contains(s, fmt.Sprintf("baokan: %d files, %d articles", facts.articles, facts.articles)) {
				t.Errorf("stats summary: %q", s)
			}
		},
	}
}

func personsNetwork(setup []string) expectation {
	return expectation{
		lines: map[string][]string{
			"setup": setup,
			// 28 distinct persons in the RW lists (read one by one in the files). 毛泽东 in
			// 1958, 1959 (毛泽东刘少奇赫鲁晓夫等), 1960, 1974, 1976; 江泽民 in 1993, 1994, 1995,
			// 1999, 2000; nobody else in more than 3. Ties by name: 毛 U+6BDB before 江 U+6C5F.
			"persons-summary": {"persons: 28", "most named (5 articles): 毛泽东, 江泽民"},
			// Edges, summing pairs article by article: 1959 毛刘赫 3, 1960 毛刘周 2 new (毛–刘
			// again), 1962 赫–肯 1, 1974 毛–拉扎克 1, 1976 毛–尼克松 1, 1988 杨万邓 3, 1993 江–乔石
			// 1, 1994 江–叶利钦 1, 1996 刘华清–迟浩田 1, 1999 seven leaders C(7,2) = 21: 35.
			// Components: the 1990s leaders (9), Mao's group (毛 刘 周 赫 肯 拉扎克 尼克松), 1988
			// (3), 刘华清–迟浩田, and 7 persons named alone: 11.
			"network": {"nodes: 28 edges: 35"},
			"networkx": {
				"graph: 28 nodes, 35 edges, 11 connected components",
				"pagerank agrees with networkx: True",
				"betweenness agrees with networkx: True",
				"eigenvector agrees with networkx: True",
			},
			// With the components as communities every edge is inside one, so
			// Q = 1 − Σ_c (d_c/2m)², d_c the weighted degrees summed over c. m = 36 (35 edges,
			// 毛–刘 of weight 2); d = 18 (Mao's group: 9 of weight), 46 (the 1990s: 23), 6, 2:
			// Q = 1 − (18² + 46² + 6² + 2²)/72² = 1 − 2480/5184 = 0.5216.
			"communities": {"modularity of baokan's communities: 0.5216"},
			// 江泽民's neighbours: 乔石, 叶利钦 and the six others of 1999.
			"gexf": {
				"read back: 28 nodes, 35 edges",
				"江泽民: {'articles': 5, 'degree': 8, 'community': ",
				"GraphML read back: 28 nodes, 35 edges",
			},
		},
		figures: []string{"persons-timeline", "networkx", "drawing"},
		check: func(t *testing.T, out map[string]cellText) {
			// 叶利钦: in the RW list of 1994 only; in the text of 5 files (grep over the UTF-8
			// copies: 19940904, 19950510 #2 and #3, 19960426 #8, 20000719).
			if !regexp.MustCompile(`(?m)^\s*\d+\s+叶利钦\s+1\s+5\s*$`).MatchString(out["from-text"].result) {
				t.Errorf("from-text: no row 叶利钦 1 5:\n%s", out["from-text"].result)
			}
			// The 1990s: 江 乔 叶 张震 李鹏 于永波 刘华清 迟浩田 张万年 and 胡 李瑞环 尉 李岚清 朱 of
			// 1999: 14 persons; edges 江–乔, 江–叶, 刘华清–迟浩田 and 21 in 1999: 24.
			if !regexp.MustCompile(`(?m)^1990s\s+14\s+24\s+江泽民\s*$`).MatchString(out["by-decade"].result) {
				t.Errorf("by-decade: no row 1990s 14 24 江泽民:\n%s", out["by-decade"].result)
			}
		},
	}
}

func conceptIndex(facts sampleFacts, setup []string) expectation {
	first, _ := strconv.Atoi(facts.first[:4])
	last, _ := strconv.Atoi(facts.last[:4])
	return expectation{
		lines: map[string][]string{
			"setup":      setup,
			"dictionary": {"categories: 3 (economy, policy, uncertainty)", "entries: 13"},
			// Five articles match all three categories: 1958-08-04 p1, 1962-10-29 p3 #1 and
			// #5, 1964-10-17 p1 and one of 1984-12-20, as 'baokan lookup --only-matching'
			// lists them (whose counts analysis/dictionary checks against substring counts).
			"lookup": {fmt.Sprintf("articles: %d", facts.articles), "articles matching the index: 5",
				"index = economy AND policy AND uncertainty: True"},
			"by-year": {fmt.Sprintf("years: %d with articles: %d", last-first+1, len(facts.perYear))},
			"index":   {"index = 100 × share / mean share: True", "mean of the index over the base: 100.0"},
			"kwic":    {"passages: "},
		},
		figures: []string{"index"},
	}
}

func keywordTrends(facts sampleFacts, setup []string) expectation {
	years := len(facts.perYear)
	first, _ := strconv.Atoi(facts.first[:4])
	last, _ := strconv.Atoi(facts.last[:4])
	span := last - first + 1
	return expectation{
		lines: map[string][]string{
			"setup": setup,
			// The years, less 1961 whose only article has no body (../testdata/README.md).
			"terms-by-year": {fmt.Sprintf("years with text: %d", years-1)},
			"keywords-by-year": {
				fmt.Sprintf("documents (years in the corpus), N: %d", years),
				fmt.Sprintf("years with keywords: %d", years-1),
			},
			// The BT field of 196210290305.TXT.
			"keywords-cuba": {"article: 1962-10-29 page 3 item 5 赫鲁晓夫肯尼迪互致信件"},
			// 吕行硕 is a name no dictionary holds; the user dictionary keeps it whole.
			"segment-dict": {"with --dict:    吕行硕 "},
			// Every year from the first file's to the last's, empty ones included.
			"timeline": {
				fmt.Sprintf("periods: %d (%s–%s), with articles: %d", span, facts.first[:4], facts.last[:4], years),
				"timeline agrees with terms --by year: True",
			},
		},
		figures: []string{"terms-watch", "timeline", "keyness-plot"},
		check: func(t *testing.T, out map[string]cellText) {
			checkWordMeasures(t, out, years)
			// Articles naming 毛泽东 in their RW list: 1958, 1959, 1960, 1974, 1976; 江泽民:
			// 1993, 1994, 1995, 1999, 2000 (read in the files). By decade, 毛 then 江:
			for _, row := range []string{"1950s 2 0", "1960s 1 0", "1970s 2 0", "1980s 0 0", "1990s 0 4", "2000s 0 1"} {
				re := `(?m)^` + strings.ReplaceAll(row, " ", `\s+`) + `\s*$`
				if !regexp.MustCompile(re).MatchString(out["timeline-persons"].stdout) {
					t.Errorf("timeline --person by decade: no row %q:\n%s", row, out["timeline-persons"].stdout)
				}
			}
		},
	}
}

// checkWordMeasures recomputes TF-IDF and G² values shown by 03-keyword-trends from their
// formulas and counts made by hand.
func checkWordMeasures(t *testing.T, out map[string]cellText, years int) {
	// Years as documents: 肯尼迪 occurs in 1962 only, 12 times in the body of 196210290305
	// and once in 196210290301 (grep -o over the bodies): tf 13, df 1, and with N the years
	// of the corpus the smooth idf is ln((1+N)/(1+1)) + 1.
	idf := math.Log(float64(1+years)/2) + 1
	row := fmt.Sprintf(`(?m)^\s*1962\s+肯尼迪\s+13\s+1\s+%.6f\s*$`, idf)
	if !regexp.MustCompile(row).MatchString(out["keywords-by-year"].stdout) {
		t.Errorf("keywords --by year: no row 1962 肯尼迪 13 1 %.6f:\n%s", idf, out["keywords-by-year"].stdout)
	}

	// TF-IDF of the Cuban-crisis article, rows term, tf, df, idf. tf: occurrences in its
	// body (grep -o over the UTF-8 copy: 赫鲁晓夫 20, 肯尼迪 12); df: sample articles whose body
	// holds the word (赫鲁晓夫 4, 肯尼迪 2); idf by the smooth formula ln((1+N)/(1+df)) + 1
	// with N = 38, as pandas prints it (6 decimals). No JSON file of the sample holds either.
	for _, w := range []struct {
		term   string
		tf, df int
	}{{"赫鲁晓夫", 20, 4}, {"肯尼迪", 12, 2}} {
		idf := math.Log(39/float64(1+w.df)) + 1
		row = fmt.Sprintf(`(?m)^\d+\s+%s\s+%d\s+%d\s+%.6f\s`, w.term, w.tf, w.df, idf)
		if !regexp.MustCompile(row).MatchString(out["keywords-cuba"].result) {
			t.Errorf("keywords of the Cuban-crisis article lack %s tf %d df %d idf %.6f:\n%s",
				w.term, w.tf, w.df, idf, out["keywords-cuba"].result)
		}
	}

	// Keyness, up to 1979 against after. The summary line gives the two corpora's sizes:
	// 11 tagged articles dated up to 1979 (file names 1958–1976) and 4 JSON ones (1947, 1955,
	// 1964, 1970): 15; after, 19 and 4 (1980, 1991, 1993, 2002): 23.
	keyness := out["keyness"]
	sizes := regexp.MustCompile(`target (\d+) articles, (\d+) words; reference (\d+) articles, (\d+) words`).
		FindStringSubmatch(keyness.stdout)
	if sizes == nil {
		t.Fatalf("keyness summary not found:\n%s", keyness.stdout)
	}
	if sizes[1] != "15" || sizes[3] != "23" {
		t.Errorf("keyness target %s articles, reference %s; want 15 and 23", sizes[1], sizes[3])
	}
	c, _ := strconv.ParseFloat(sizes[2], 64)
	d, _ := strconv.ParseFloat(sizes[4], 64)
	// 赫鲁晓夫: 26 times in the bodies of the 15 early articles, 0 after (grep -o; none in the
	// JSON files). With b = 0
	// the two-term G² is 2·a·ln(a/E1), E1 = c·a/(c+d), that is 2a·ln((c+d)/c); pandas
	// prints it with 6 decimals.
	g2 := 2 * 26 * math.Log((c+d)/c)
	row = fmt.Sprintf(`(?m)^\s*\d+\s+赫鲁晓夫\s+26\s+0\s+%.6f\s`, g2)
	if !regexp.MustCompile(row).MatchString(keyness.result) {
		t.Errorf("keyness: no row 赫鲁晓夫 26 0 G² %.6f (c = %v, d = %v) among the over-used:\n%s", g2, c, d, keyness.result)
	}
	// 江泽民: 0 before 1980, 71 after (grep -o over the bodies, RW tails cut; none in the JSON
	// files).
	if !regexp.MustCompile(`(?m)^\s*\d+\s+江泽民\s+0\s+71\s`).MatchString(out["keyness-under"].result) {
		t.Errorf("keyness: no row 江泽民 0 71 among the under-used:\n%s", out["keyness-under"].result)
	}
}

func hasLinePrefix(text, prefix string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}

// explorerAPI: the explorer's search of 解放军 on the sample has the hits of `baokan kwic
// 解放军` (8 in 3 articles: TestServeAPIAgainstCLI and TestExplorerInBrowser count them the
// same way), its CSV is the command's, and the server stops. The trend has every year from
// the first dated file's to the last's (tagged and JSON), empty ones included.
func explorerAPI(facts sampleFacts) expectation {
	first, _ := strconv.Atoi(facts.first[:4])
	last, _ := strconv.Atoi(facts.last[:4])
	return expectation{lines: map[string][]string{
		"setup":  {"baokan: "},
		"serve":  {"explorer at http://127.0.0.1:"},
		"search": {"hits: 8 in 3 articles", "command: baokan kwic 解放军 "},
		"same":   {"same as the command line: True"},
		"trends": {fmt.Sprintf("periods: %d series: person:毛泽东, term:人民", last-first+1)},
		"stop":   {"explorer stopped"},
	}}
}
