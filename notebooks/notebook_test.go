package notebooks

// The notebooks are documentation that runs: these tests keep them runnable and right.
// TestNotebooksCommittedClean checks, in Go alone, that every notebook is committed with its
// outputs cleared. TestFirstLook builds baokan, executes 01-first-look.ipynb headless with
// /usr/bin/python3 (nbclient and ipykernel, as Debian packages them) and compares what its
// cells print with counts made by hand from the embedded sample (../testdata/sample).

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pythonPath is the interpreter Debian's python3-* packages serve; the python3 first on PATH
// may be another one without them.
const pythonPath = "/usr/bin/python3"

// pythonModules are what executing the notebooks needs: nbclient runs them, ipykernel is the
// kernel, pandas and networkx are what the notebooks use.
var pythonModules = []string{"nbformat", "nbclient", "ipykernel", "pandas", "networkx"}

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
	Type   string               `json:"output_type"` // stream, execute_result, display_data, error
	Name   string               `json:"name"`        // stdout or stderr, for streams
	Text   multiline            `json:"text"`
	Data   map[string]multiline `json:"data"`
	Ename  string               `json:"ename"`
	Evalue string               `json:"evalue"`
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

func TestNotebooksCommittedClean(t *testing.T) {
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no notebook in notebooks/")
	}
	for _, path := range paths {
		nb := readNotebook(t, path)
		// Cell ids (nbformat 4.5) are how TestFirstLook finds a cell's output.
		if nb.Format != 4 || nb.FormatMinor < 5 {
			t.Errorf("%s: nbformat %d.%d, want 4.5 or later (cell ids)", path, nb.Format, nb.FormatMinor)
		}
		if nb.Metadata.Kernelspec.Name != "python3" {
			t.Errorf("%s: kernel %q, want python3", path, nb.Metadata.Kernelspec.Name)
		}
		seen := map[string]bool{}
		code := 0
		for i, c := range nb.Cells {
			if c.ID == "" || seen[c.ID] {
				t.Errorf("%s: cell %d: id %q missing or repeated", path, i, c.ID)
			}
			seen[c.ID] = true
			if c.Type != "code" {
				continue
			}
			code++
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s: cell %q was committed with outputs; clear them (Kernel > Restart & Clear Output)", path, c.ID)
			}
			// nbconvert --execute records run times here, and --clear-output keeps them.
			if _, ok := c.Metadata["execution"]; ok {
				t.Errorf("%s: cell %q was committed with execution times; execute into another file, not --inplace", path, c.ID)
			}
		}
		if code == 0 {
			t.Errorf("%s: no code cell", path)
		}
	}
}

// runner executes a notebook with nbclient: argv notebook, executed copy, cell timeout in
// seconds, working directory. A cell that raises makes it exit non-zero with the traceback.
const runner = `
import sys
import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=int(sys.argv[3]), kernel_name="python3",
               resources={"metadata": {"path": sys.argv[4]}}).execute()
nbformat.write(nb, sys.argv[2])
`

// executeNotebook builds baokan, runs the notebook name on it and returns the executed notebook.
func executeNotebook(t *testing.T, name string) (nb notebook, baokan string) {
	t.Helper()
	if testing.Short() {
		t.Skip("executing a notebook takes about 20 s; skipped with -short")
	}
	if _, err := os.Stat(pythonPath); err != nil {
		t.Skipf("%s not found; install Debian's python3 and python3-nbclient python3-ipykernel python3-pandas python3-networkx", pythonPath)
	}
	check := "import " + strings.Join(pythonModules, ", ")
	if out, err := exec.Command(pythonPath, "-c", check).CombinedOutput(); err != nil {
		t.Skipf("%s cannot %q (%s); install them with apt-get install python3-nbclient python3-ipykernel python3-pandas python3-networkx",
			pythonPath, check, strings.TrimSpace(lastLine(string(out))))
	}

	dir := t.TempDir()
	baokan = filepath.Join(dir, "baokan")
	if out, err := exec.Command("go", "build", "-o", baokan, "../cmd/baokan").CombinedOutput(); err != nil {
		t.Fatalf("go build ../cmd/baokan: %v\n%s", err, out)
	}

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

	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	executed := filepath.Join(dir, "executed.ipynb")
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, pythonPath, "-c", runner, name, executed, "300", wd)
	cmd.Env = append(os.Environ(),
		"BAOKAN="+baokan,
		"BAOKAN_NOTEBOOK_OUT="+filepath.Join(dir, "output"),
		"JUPYTER_PATH="+filepath.Join(dir, "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "jupyter-data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "jupyter-runtime"),
		"IPYTHONDIR="+filepath.Join(dir, "ipython"),
		"PYDEVD_DISABLE_FILE_VALIDATION=1", // quiets ipykernel's debugger warning
		"MPLBACKEND=Agg",
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("executing %s: %v\n%s", name, err, out)
	}
	return readNotebook(t, executed), baokan
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndex(s, "\n")+1:]
}

// cellText gathers what each code cell showed, by cell id: standard output, standard error
// and the text/plain form of its results, each kind apart.
type cellText struct{ stdout, stderr, result string }

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
			case "error":
				t.Errorf("cell %q raised %s: %s", c.ID, o.Ename, o.Evalue)
			}
		}
		texts[c.ID] = ct
	}
	return texts
}

func TestFirstLook(t *testing.T) {
	nb, baokan := executeNotebook(t, "01-first-look.ipynb")
	out := outputsByID(t, nb)

	// The printed lines below are exact. Expected numbers, all by hand from the 30 files of
	// ../testdata/sample/txt (file names YYYYMMDDPPII: date, page, item):
	//   30 articles, one a file (the sample's README);
	//   21 distinct years: 1958 59 60 61 62 64 74 76 84 85 88 91 93 94 95 96 97 99 2000 02 03;
	//   23 front-page articles: files whose PP is 01 (the 7 others: 1959 p2 ×3, 1961 p3,
	//   1962 p3 ×2, 1995 p4);
	//   11 articles dated up to 1979, 19 after.
	wantLines := map[string][]string{
		"setup":          {"baokan: " + baokan}, // the binary built here, not a fallback
		"stats-by-year":  {"years: 21 articles: 30"},
		"articles":       {"articles: 30", "front-page articles: 23"},
		"articles-check": {"stats --by year agrees with the articles table"},
		// The BT field of 196210290305.TXT.
		"keywords-cuba": {"article: 1962-10-29 page 3 item 5 赫鲁晓夫肯尼迪互致信件"},
		// From the RW lists (articles column of the articles table): 毛泽东 in 1958, 1959
		// (毛泽东刘少奇赫鲁晓夫等), 1960, 1974, 1976; 江泽民 in 1993, 1994, 1995, 1999, 2000;
		// nobody else in more than 3. Ties are listed by name: 毛 U+6BDB before 江 U+6C5F.
		"persons-summary": {"most named (5 articles): 毛泽东, 江泽民"},
		// 28 distinct persons in the RW lists. Edges, summing pairs article by article:
		// 1959 毛刘赫 3, 1960 毛刘周 2 new (毛–刘 again), 1962 赫–肯 1, 1974 毛–拉扎克 1,
		// 1976 毛–尼克松 1, 1988 杨万邓 3, 1993 江–乔石 1, 1994 江–叶利钦 1, 1996 刘华清–迟浩田 1,
		// 1999 seven leaders C(7,2) = 21: 35. Components: the 1990s leaders (9), Mao's group
		// (毛 刘 周 赫 肯 拉扎克 尼克松), 1988 (3), 刘华清–迟浩田, and 7 persons named alone: 11.
		"network":  {"nodes: 28 edges: 35"},
		"networkx": {"graph: 28 nodes, 35 edges, 11 connected components", "PageRank agrees with networkx: True", "betweenness agrees with networkx: True"},
		// 江泽民's neighbours: 乔石, 叶利钦 and the six others of 1999.
		"gexf": {"read back: 28 nodes, 35 edges", "江泽民: {'articles': 5, 'degree': 8, 'community': "},
		// 吕行硕 is a name no dictionary holds; the user dictionary keeps it whole.
		"segment-dict": {"with --dict:    吕行硕 "},
	}
	for id, lines := range wantLines {
		ct, ok := out[id]
		if !ok {
			t.Errorf("no code cell %q", id)
			continue
		}
		for _, want := range lines {
			if !hasLinePrefix(ct.stdout, want) {
				t.Errorf("cell %q printed\n%s\nwant a line starting %q", id, ct.stdout, want)
			}
		}
	}

	// The notebook shows baokan's summary lines on standard output; anything on standard
	// error (a pandas warning, say) is a blemish in a notebook meant for reading.
	for id, ct := range out {
		if ct.stderr != "" {
			t.Errorf("cell %q wrote on stderr:\n%s", id, ct.stderr)
		}
	}
	// Every corpus command reports reading the whole sample.
	if s := out["stats-overview"].stdout; !strings.Contains(s, "baokan: 30 files, 30 articles") {
		t.Errorf("stats summary: %q", s)
	}

	// TF-IDF of the Cuban-crisis article, rows term, tf, df, idf. tf: occurrences in its
	// body (grep -o over the UTF-8 copy: 赫鲁晓夫 20, 肯尼迪 12); df: sample articles whose body
	// holds the word (赫鲁晓夫 4, 肯尼迪 2); idf by the smooth formula ln((1+N)/(1+df)) + 1
	// with N = 30, as pandas prints it (6 decimals).
	for _, w := range []struct {
		term   string
		tf, df int
	}{{"赫鲁晓夫", 20, 4}, {"肯尼迪", 12, 2}} {
		idf := math.Log(31/float64(1+w.df)) + 1
		row := fmt.Sprintf(`(?m)^\d+\s+%s\s+%d\s+%d\s+%.6f\s`, w.term, w.tf, w.df, idf)
		if !regexp.MustCompile(row).MatchString(out["keywords-cuba"].result) {
			t.Errorf("keywords of the Cuban-crisis article lack %s tf %d df %d idf %.6f:\n%s",
				w.term, w.tf, w.df, idf, out["keywords-cuba"].result)
		}
	}

	// Keyness, up to 1979 against after. The summary line gives the two corpora's sizes.
	keyness := out["keyness"]
	sizes := regexp.MustCompile(`target (\d+) articles, (\d+) words; reference (\d+) articles, (\d+) words`).
		FindStringSubmatch(keyness.stdout)
	if sizes == nil {
		t.Fatalf("keyness summary not found:\n%s", keyness.stdout)
	}
	if sizes[1] != "11" || sizes[3] != "19" {
		t.Errorf("keyness target %s articles, reference %s; want 11 and 19", sizes[1], sizes[3])
	}
	c, _ := strconv.ParseFloat(sizes[2], 64)
	d, _ := strconv.ParseFloat(sizes[4], 64)
	// 赫鲁晓夫: 26 times in the bodies of the 11 early articles, 0 after (grep -o). With b = 0
	// the two-term G² is 2·a·ln(a/E1), E1 = c·a/(c+d), that is 2a·ln((c+d)/c); pandas
	// prints it with 6 decimals.
	g2 := 2 * 26 * math.Log((c+d)/c)
	row := fmt.Sprintf(`(?m)^\s*\d+\s+赫鲁晓夫\s+26\s+0\s+%.6f\s`, g2)
	if !regexp.MustCompile(row).MatchString(keyness.result) {
		t.Errorf("keyness: no row 赫鲁晓夫 26 0 G² %.6f (c = %v, d = %v) among the over-used:\n%s", g2, c, d, keyness.result)
	}
	// 江泽民: 0 before 1980, 71 after (grep -o over the bodies, RW tails cut).
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
