package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan/explorer"
)

// serveSample indexes the embedded sample and serves it with httptest.
func serveSample(t *testing.T, opt explorer.Options) (cachePath string, srv *httptest.Server) {
	t.Helper()
	cachePath = indexSample(t)
	return cachePath, serveCacheFile(t, cachePath, opt)
}

func serveCacheFile(t *testing.T, cachePath string, opt explorer.Options) *httptest.Server {
	t.Helper()
	c, err := explorer.Load(cachePath, cachePath)
	if err != nil {
		t.Fatal(err)
	}
	h, err := explorer.New(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(b)
}

// TestServeAPIAgainstCLI checks that every API table, as CSV, is byte for byte what the
// command line the API names prints with --format csv, and that the JSON rows of search
// are those of `baokan kwic --format json`.
func TestServeAPIAgainstCLI(t *testing.T) {
	cachePath, srv := serveSample(t, explorer.Options{})
	views := []string{
		"search?q=解放军",
		"search?q=解放军&sort=right",
		"search?q=text:军 AND page:1&sort=date&year=1996",
		"search?q=部队&sort=left&window=3",
		"search?q=部队 OR 解放军&pg=1",
		// Whole years from the counts by year, other subcorpora read from the cache.
		"compare?target=from=1960-01-01,to=1979-12-31&reference=from=1980-01-01,to=1999-12-31&top=20",
		"compare?target=from=1966-05-16,to=1976-10-06&top=20",
		"compare?target=page=1&top=20",
		"compare?target=query=人民&reference=page=2&top=20",
		"trends?terms=解放军 人民 person:毛泽东",
		"trends?terms=部队&by=decade",
		"compare?target=from=1980-01-01,to=1999-12-31&top=10",
		"compare?target=query=person:毛泽东",
		"persons?minweight=1&top=10",
		"persons?from=1980&to=2000&minweight=1",
		"overview",
	}
	for _, v := range views {
		path, rawq, _ := strings.Cut(v, "?")
		q, _ := url.ParseQuery(rawq)
		code, _, body := get(t, srv.URL+"/api/"+path+"?"+q.Encode())
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", v, code, body)
		}
		var tab struct {
			Command string
			Columns []string
			Rows    [][]any
		}
		if err := json.Unmarshal([]byte(body), &tab); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		args := shellSplit(t, tab.Command)
		if args[0] != "baokan" || args[len(args)-1] != cachePath {
			t.Fatalf("%s: command %q", v, tab.Command)
		}
		q.Set("format", "csv")
		_, h, csv := get(t, srv.URL+"/api/"+path+"?"+q.Encode())
		if !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
			t.Errorf("%s: CSV content type %q", v, h.Get("Content-Type"))
		}
		cliArgs := append(append([]string{}, args[1:]...), "--format", "csv", "-q")
		code, out, errOut := baokanRun(t, cliArgs...)
		if code != exitOK {
			t.Fatalf("%s: %v: exit %d: %s", v, cliArgs, code, errOut)
		}
		if out != csv {
			t.Errorf("%s: CSV differs from `%s --format csv`:\nAPI:\n%.600s\nCLI:\n%.600s", v, tab.Command, csv, out)
		}
		if path == "search" {
			_, jsonOut, _ := baokanRun(t, append(append([]string{}, args[1:]...), "--format", "json", "-q")...)
			var cli []map[string]any
			if err := json.Unmarshal([]byte(jsonOut), &cli); err != nil {
				t.Fatal(err)
			}
			if len(cli) == 0 || len(cli) < len(tab.Rows) {
				t.Fatalf("%s: %d CLI lines, %d API rows", v, len(cli), len(tab.Rows))
			}
			for i, row := range tab.Rows {
				for k, col := range tab.Columns {
					if cli[i][col] != row[k] {
						t.Errorf("%s: row %d %s: API %v, CLI %v", v, i, col, row[k], cli[i][col])
					}
				}
			}
		}
	}
}

// shellSplit undoes the command's quoting ('…' with '\” inside).
func shellSplit(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	in, started := false, false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '\'':
			in, started = !in, true
		case ch == '\\' && !in && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case ch == ' ' && !in:
			if started || cur.Len() > 0 {
				out = append(out, cur.String())
			}
			cur.Reset()
			started = false
		default:
			cur.WriteByte(ch)
		}
	}
	if started || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// hostileArticle is a PLA Daily article whose title and body hold markup, quotes and
// template actions.
const hostileArticle = "〖ZQ/总期〗1〖-ZQ/总期〗\r\n〖RQ/日期〗19620101〖-RQ/日期〗\r\n〖BH/版号〗01〖-BH/版号〗\r\n〖TH/条号〗1〖-TH/条号〗\r\n" +
	"〖BT/标题〗<script>alert(\"t\")</script>'引号'{{.Title}}〖-BT/标题〗\r\n〖TC/体裁〗<b>消息</b>〖-TC/体裁〗\r\n" +
	"〖ZW/正文〗　　解放军<script>alert('b')</script>\"双引号\"{{ . }}</p><img src=x onerror=alert(1)>〖HH/换行〗　　解放军第二段〖-ZW/正文〗\r\n"

func TestServeEscapesCorpusText(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "196201010101.TXT")
	if err := os.WriteFile(src, []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	cachePath := filepath.Join(dir, "h.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", src, "-o", cachePath); code != exitOK {
		t.Fatalf("index: %d %s", code, errOut)
	}
	srv := serveCacheFile(t, cachePath, explorer.Options{})
	pages := []string{
		"/article?" + url.Values{"path": {src}, "line": {"1"}, "q": {"解放军"}}.Encode(),
		"/search?" + url.Values{"q": {"<script>alert(1)</script>"}}.Encode(),
		"/compare?" + url.Values{"target": {`"><script>x</script>`}}.Encode(),
	}
	for _, p := range pages {
		code, h, body := get(t, srv.URL+p)
		if code != http.StatusOK {
			t.Fatalf("%s: %d\n%s", p, code, body)
		}
		if h.Get("Content-Security-Policy") != explorer.ContentSecurityPolicy {
			t.Errorf("%s: CSP %q", p, h.Get("Content-Security-Policy"))
		}
		// The only <script> elements are the two of the page, with src.
		if n := strings.Count(body, "<script"); n != 2 {
			t.Errorf("%s: %d <script, want 2:\n%s", p, n, body)
		}
		for _, bad := range []string{"<img", "<b>消息", "onerror=alert"} {
			if strings.Contains(body, bad) && !strings.Contains(body, "&lt;img") {
				t.Errorf("%s: unescaped %q", p, bad)
			}
		}
	}
	_, _, body := get(t, srv.URL+pages[0])
	for _, want := range []string{"&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;&#39;引号&#39;{{.Title}}",
		"<mark>解放军</mark>&lt;script&gt;alert(&#39;b&#39;)&lt;/script&gt;&#34;双引号&#34;{{ . }}&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;",
		"<mark>解放军</mark>第二段"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q:\n%s", want, body)
		}
	}
	// JSON escapes markup too (\u003c), so a page that misused it could not run it.
	_, _, js := get(t, srv.URL+"/api/search?"+url.Values{"q": {"解放军"}}.Encode())
	if strings.Contains(js, "<script") || !strings.Contains(js, `\u003cscript\u003e`) {
		t.Errorf("search JSON: %s", js)
	}
}

func TestServeSafety(t *testing.T) {
	_, srv := serveSample(t, explorer.Options{})
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/api/overview", http.StatusMethodNotAllowed},
		{"DELETE", "/", http.StatusMethodNotAllowed},
		{"GET", "/assets/../../go.mod", http.StatusNotFound},
		{"GET", "/assets/%2e%2e/%2e%2e/go.mod", http.StatusNotFound},
		{"GET", "/assets/", http.StatusOK}, // the embedded listing, nothing else
		{"GET", "/etc/passwd", http.StatusNotFound},
		{"GET", "/api/search?q=" + strings.Repeat("x", 5000), http.StatusRequestURITooLong},
		{"GET", "/api/search?q=(", http.StatusBadRequest},
		{"GET", "/api/search?q=" + url.QueryEscape("genre:消息"), http.StatusBadRequest},
		{"GET", "/article?path=go.mod&line=1", http.StatusNotFound},
		{"GET", "/api/trends", http.StatusBadRequest},
		{"GET", "/assets/echarts/echarts.min.js", http.StatusOK},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader("x"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status {
			t.Errorf("%s %s: %d, want %d: %.200s", tc.method, tc.path, res.StatusCode, tc.status, b)
		}
		if res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s: no CSP", tc.method, tc.path)
		}
	}
	// A query past the time limit is stopped with a message.
	_, slow := serveSample(t, explorer.Options{Timeout: time.Nanosecond})
	code, _, body := get(t, slow.URL+"/api/search?q="+url.QueryEscape("/./"))
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "time limit") {
		t.Errorf("timeout: %d %s", code, body)
	}
	// Every view's page is served, with its script from the server.
	for _, p := range []string{"/", "/search?q=x", "/trends", "/compare", "/persons"} {
		code, _, body := get(t, srv.URL+p)
		if code != http.StatusOK || !strings.Contains(body, `<script src="/assets/app.js"`) {
			t.Errorf("%s: %d", p, code)
		}
	}
}

// TestServeCommand runs `baokan serve` on the sample: it indexes into --cache, serves,
// and reuses the cache the second time.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	cachePath := filepath.Join(dir, "s.bki")
	// The embedded sample: one article a file, tagged (.TXT) and People's Daily JSON.
	wantArticles := fmt.Sprintf(`"articles":%d`, len(sampleFiles(t))+len(sampleJSON(t)))
	for round := range 2 {
		ctx, cancel := context.WithCancel(context.Background())
		var errBuf, outBuf strings.Builder
		io := &streams{in: strings.NewReader(""), out: &outBuf, err: &errBuf}
		o := &serveOptions{}
		o.addr, o.cacheFile, o.timeout = "127.0.0.1:0", cachePath, 10*time.Second
		o.quiet = false
		o.ready = func(addr string) {
			code, _, body := get(t, "http://"+addr+"/api/overview")
			if code != 200 || !strings.Contains(body, wantArticles) {
				t.Errorf("overview: %d %.300s", code, body)
			}
			cancel()
		}
		o.stop = ctx
		if err := runServe(io, o, nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(outBuf.String(), "at http://127.0.0.1:") {
			t.Errorf("address not printed: %q", outBuf.String())
		}
		if want := []string{"indexing into", "reusing the cache"}[round]; !strings.Contains(errBuf.String(), want) {
			t.Errorf("round %d: stderr lacks %q: %s", round, want, errBuf.String())
		}
	}
}

// TestServeSearchPages checks that the pages of a search, in every order, are the slices
// of `baokan kwic --format csv` (all its lines), and the facets add up to the hits.
func TestServeSearchPages(t *testing.T) {
	cachePath, srv := serveSample(t, explorer.Options{})
	for _, sort := range []string{"", "date", "left", "right"} {
		args := []string{"kwic", "text:军", "--format", "json", "-q", cachePath}
		if sort != "" {
			args = append(args, "--sort", sort)
		}
		_, out, _ := baokanRun(t, args...)
		var cli []map[string]any
		if err := json.Unmarshal([]byte(out), &cli); err != nil {
			t.Fatal(err)
		}
		const per = 7
		for page := 1; (page-1)*per < len(cli); page++ {
			q := url.Values{"q": {"text:军"}, "sort": {sort}, "per": {fmt.Sprint(per)}, "page": {fmt.Sprint(page)}}
			_, _, body := get(t, srv.URL+"/api/search?"+q.Encode())
			var tab struct {
				Columns []string
				Rows    [][]any
				Extra   struct {
					Hits   int
					Facets map[string][]struct {
						Value string
						Count int
					}
				}
			}
			if err := json.Unmarshal([]byte(body), &tab); err != nil {
				t.Fatal(err)
			}
			if tab.Extra.Hits != len(cli) {
				t.Fatalf("sort %q: %d hits, CLI %d", sort, tab.Extra.Hits, len(cli))
			}
			for _, f := range []string{"year", "page"} {
				n := 0
				for _, v := range tab.Extra.Facets[f] {
					n += v.Count
				}
				if n != len(cli) {
					t.Errorf("facet %s adds up to %d, not %d hits", f, n, len(cli))
				}
			}
			want := cli[(page-1)*per : min(len(cli), page*per)]
			if len(tab.Rows) != len(want) {
				t.Fatalf("sort %q page %d: %d rows, want %d", sort, page, len(tab.Rows), len(want))
			}
			for i, row := range tab.Rows {
				for k, col := range tab.Columns {
					if want[i][col] != row[k] {
						t.Errorf("sort %q page %d row %d %s: %v, CLI %v", sort, page, i, col, row[k], want[i][col])
					}
				}
			}
		}
	}
}
