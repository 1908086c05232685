package explorer

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/baokan/baokan/reports"
)

//go:embed assets templates
var files embed.FS

// Options bound what a request may cost.
type Options struct {
	// Timeout bounds a request: its wait for a turn and its computation (default 10s). A
	// computation that has started goes on to its own Timeout even when its asker stops
	// waiting, so that the next asker finds its result; it is then stopped.
	Timeout time.Duration
	// MaxQuery caps the length of a request's URL query, in bytes (default 4096).
	MaxQuery int
	// Concurrent is how many requests compute at once (default 4 × runtime.GOMAXPROCS(0));
	// the others wait their turn within their time limit (a result already computed is
	// served at once). Scans of the cache's words (a word's hits, a comparison of
	// subcorpora that are not whole years) run apart, as many at once as there are cores:
	// each uses every core, so more at once would only share them.
	Concurrent int
	// CacheBytes bounds the results kept for the requests that ask for them again
	// (default DefaultCacheBytes).
	CacheBytes int64
}

// ContentSecurityPolicy is sent with every response: scripts, styles and images only from
// the server itself, no inline script, nothing framed, no form posted elsewhere.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Server serves one corpus.
type Server struct {
	c    *Corpus
	opt  Options
	mux  *http.ServeMux
	page *template.Template
}

// views are the pages, in the order of the menu.
var views = []struct{ Path, Name, Title string }{
	{"/", "overview", "Overview"}, {"/search", "search", "Search"}, {"/trends", "trends", "Trends"},
	{"/compare", "compare", "Compare"}, {"/persons", "persons", "Persons"},
}

// New returns the explorer's handler.
func New(c *Corpus, opt Options) (*Server, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.MaxQuery <= 0 {
		opt.MaxQuery = 4096
	}
	if opt.Concurrent <= 0 {
		opt.Concurrent = 4 * runtime.GOMAXPROCS(0)
	}
	t, err := template.New("").Funcs(template.FuncMap{"split": func(s string) []string { return strings.Split(s, ",") }}).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{c: c, opt: opt, mux: http.NewServeMux(), page: t}
	c.busy = make(chan struct{}, opt.Concurrent)
	if opt.CacheBytes <= 0 {
		opt.CacheBytes = DefaultCacheBytes
	}
	c.memo = newMemo(opt.CacheBytes, opt.Timeout)
	assets, _ := fs.Sub(files, "assets")
	s.mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))
	api := map[string]func(context.Context, Params) (*Table, error){
		"overview": c.Overview, "search": c.Search, "trends": c.Trends, "compare": c.Compare, "persons": c.Network,
		"article": func(ctx context.Context, p Params) (*Table, error) { _, t, err := c.Article(ctx, p); return t, err },
	}
	for name, fn := range api {
		s.mux.HandleFunc("GET /api/"+name, s.apiHandler(fn))
	}
	for _, v := range views {
		pattern := "GET " + v.Path
		if v.Path == "/" {
			pattern = "GET /{$}"
		}
		s.mux.HandleFunc(pattern, s.pageHandler(v.Name))
	}
	s.mux.HandleFunc("GET /article", s.articleHandler)
	return s, nil
}

// ServeHTTP sets the security headers, refuses what is not a read, bounds the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "read-only: GET only", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.RawQuery) > s.opt.MaxQuery {
		http.Error(w, fmt.Sprintf("query string over %d bytes", s.opt.MaxQuery), http.StatusRequestURITooLong)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	s.mux.ServeHTTP(w, r)
}

func params(r *http.Request) Params {
	p := Params{}
	for k, v := range r.URL.Query() {
		if len(v) > 0 {
			p[k] = v[0]
		}
	}
	return p
}

type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func (s *Server) apiHandler(fn func(context.Context, Params) (*Table, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		p := params(r)
		t, err := fn(ctx, p)
		if err != nil {
			status := http.StatusBadRequest
			if errors.Is(err, ErrTimeout) {
				status = http.StatusServiceUnavailable
			}
			writeJSON(w, status, apiError{err.Error()})
			return
		}
		if p["format"] == "csv" {
			var b bytes.Buffer
			out := reports.NewWriter(&b, reports.FormatCSV, t.Columns)
			for _, row := range t.Rows {
				if err := out.WriteRow(row...); err != nil {
					writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
					return
				}
			}
			if err := out.Close(); err != nil {
				writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
				return
			}
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="baokan-`+r.URL.Path[len("/api/"):]+`.csv"`)
			w.Write(b.Bytes())
			return
		}
		writeJSON(w, http.StatusOK, t)
	}
}

// pageData is what the page template gets.
type pageData struct {
	View    string
	Title   string
	Views   []struct{ Path, Name, Title string }
	Q       url.Values
	Source  string
	Article *ArticleView
	Command string
	CSV     string
	Error   string
	Query   string
}

func (s *Server) render(w http.ResponseWriter, status int, d pageData) {
	d.Views, d.Source = views, s.c.Source
	var b bytes.Buffer
	if err := s.page.ExecuteTemplate(&b, "page.html", d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (s *Server) pageHandler(name string) http.HandlerFunc {
	title := ""
	for _, v := range views {
		if v.Name == name {
			title = v.Title
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		s.render(w, http.StatusOK, pageData{View: name, Title: title, Q: r.URL.Query()})
	}
}

// articleHandler renders the article on the server (html/template escapes every field).
func (s *Server) articleHandler(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	p := params(r)
	d := pageData{View: "article", Title: "Article", Q: r.URL.Query(), Query: p["q"]}
	v, t, err := s.c.Article(ctx, p)
	if err != nil {
		d.Error = err.Error()
		s.render(w, http.StatusNotFound, d)
		return
	}
	d.Article, d.Command = v, t.Command
	d.CSV = "/api/article?" + r.URL.RawQuery + "&format=csv"
	s.render(w, http.StatusOK, d)
}

// Listen listens on addr (HOST:PORT; port 0 for a free one) and returns the listener, the
// explorer's URL (http://HOST:PORT/, 127.0.0.1 for an unspecified host) and whether the
// address is on the loopback interface only.
func Listen(addr string) (ln net.Listener, url string, loopback bool, err error) {
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		return nil, "", false, err
	}
	a := ln.Addr().(*net.TCPAddr)
	host := a.String()
	if a.IP.IsUnspecified() {
		host = fmt.Sprintf("127.0.0.1:%d", a.Port)
	}
	return ln, "http://" + host + "/", a.IP.IsLoopback(), nil
}

// Serve serves h on ln until ctx is done, then shuts the server down (waiting up to 5 s
// for the requests under way). timeout is the requests' time limit (Options.Timeout):
// a response may take it and 30 s more to write.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, timeout time.Duration) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: timeout + 30*time.Second, MaxHeaderBytes: 16 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}
}
