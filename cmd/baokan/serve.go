package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	baokan "github.com/baokan/baokan"
	"github.com/baokan/baokan/explorer"
)

type serveOptions struct {
	indexOptions
	addr      string
	open      bool
	cacheFile string
	timeout   time.Duration
	// ready, if set, gets the server's address once it listens; stop, if set, stops the
	// server when done (for tests).
	ready func(addr string)
	stop  context.Context
}

const serveHelp = `serve starts the archive explorer: a local web server over the corpus, for reading and
counting in the browser. It prints its address (http://127.0.0.1:PORT/, a free port unless
--addr says which); --open opens it in the browser. Stop it with Ctrl-C.

Given a cache (.bki, from 'baokan index') it serves it. Given raw files (or nothing: the
embedded sample) it indexes them first, as 'baokan index' does (with its progress bar), into
a cache in the user's cache folder named after the sources' paths, sizes and modification
times and the segmentation flags, and reuses it the next time (--cache FILE: that file
instead; it is written only when absent). The cache is read in place: only a few numbers
of each article are held in memory, and the results computed last (up to 256 MiB).

Views, each at its own URL with its state in the query string (bookmark it, cite it):
  /                     overview: summary, articles per year, pages, genres, diagnostics
  /search?q=QUERY       concordance of QUERY (see 'baokan help query'), sort=date|left|right,
                        facets year=YYYY, pg=PAGE, genre=G narrow it, page=N pages it
  /trends?terms=W1 W2   words (person:NAME for a person) by=year|quarter|month|decade,
                        value=per_10k|share, bursts shaded; a click on a point searches it
  /compare?target=F     keyness of a subcorpus (F a FILTER as keyness takes it:
                        from=YYYY-MM-DD,to=YYYY-MM-DD or query=QUERY), reference=F
  /persons?from=Y&to=Y  co-mention network of the RW persons, minweight=N, top=N
  /article?path=P&line=N&q=QUERY   one article, the hits of QUERY marked, its neighbours
Every view shows the baokan command line that prints the same table, and a CSV link.

JSON API (GET; the same parameters as the views):
  /api/overview  /api/search  /api/trends  /api/compare  /api/persons  /api/article
Each answers {"command": "baokan …", "columns": [...], "rows": [[...], ...], "extra": {...}}:
command is the command line giving the same table (with --format csv, the rows), columns
and rows the table (kwic's columns for search; timeline's period,series,count,total,per_10k,
share,burst for trends; keyness's for compare; the nodes for persons, edges in extra; the
paragraphs for article); extra what the view draws besides (facets, hit counts, edges,
fields). search gives page=N of per=N rows (default 50; all=1 for all). ?format=csv gives
the table as CSV (all the rows). Errors are {"error": "..."} with status 400, and 503 for
a query stopped at the time limit (--timeout).

Word counts (trends, compare) are those of the default word filter (stop words,
punctuation, numbers and Latin dropped), as timeline and keyness count by default;
persons are the RW lists resolved as 'baokan persons' does by default.

Safety: read-only (GET only); it serves only the corpus given and its own embedded files;
every corpus text is escaped; a Content-Security-Policy allows scripts from the server
only; query strings are capped at 4 KB, request bodies at 1 KB; four requests a core
compute at once, and as many scans of the whole cache as there are cores (each uses them
all); the others wait their turn. A request still waiting at --timeout gets status 503 with
a message; a computation that has started is stopped at --timeout from its start (its
result, when it ends in time, serves the next request that asks). Results are kept for the
requests that ask again, the least recently used dropped past 256 MiB. It listens on the
loopback interface unless --addr says otherwise
(with a warning: anyone who can reach the address can read the corpus).`

func newServeCmd(io *streams) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve [CORPUS|CACHE] [--addr HOST:PORT] [--open]",
		Short: "The archive explorer in the browser: search, trends, compare, persons, articles",
		Long:  serveHelp + "\n\n" + wordFlagsHelp,
		Args:  cobra.ArbitraryArgs,
		RunE:  func(c *cobra.Command, args []string) error { return runServe(io, o, args) },
	}
	f := c.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT` (port 0: a free one)")
	f.BoolVar(&o.open, "open", false, "open the explorer in the browser")
	f.StringVar(&o.cacheFile, "cache", "", "with raw files: index them into `FILE` (reused when present)")
	f.DurationVar(&o.timeout, "timeout", 10*time.Second, "stop a request's computation after `DURATION`")
	f.IntVar(&o.workers, "workers", 0, "cores to use when indexing (default: all)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print each diagnostic on stderr when indexing")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on stderr but the address and errors")
	addSegmentFlags(c, &o.wordFlags)
	return c
}

func runServe(io *streams, o *serveOptions, args []string) error {
	cachePath, err := cacheArg(args)
	if err != nil {
		return err
	}
	source := cachePath
	if cachePath == "" {
		if cachePath, err = o.serveCache(io, args); err != nil {
			return err
		}
		source = cachePath
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: loading %s\n", cachePath)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A long-running server: collect garbage sooner rather than let the heap double
		// (a soft limit: the live data may pass it).
		debug.SetMemoryLimit(1 << 30)
	}
	c, err := explorer.Load(cachePath, source)
	if err != nil {
		return err
	}
	defer c.Close()
	h, err := explorer.New(c, explorer.Options{Timeout: o.timeout})
	if err != nil {
		return err
	}
	ln, url, loopback, err := explorer.Listen(o.addr)
	if err != nil {
		return err
	}
	if !loopback {
		fmt.Fprintf(io.err, "baokan: warning: listening on %s, not the loopback interface: anyone who can reach it can read the corpus\n", ln.Addr())
	}
	fmt.Fprintf(io.out, "baokan: serving %s (%d articles) at %s\n", cachePath, c.Len(), url)
	parent := context.Background()
	if o.stop != nil {
		parent = o.stop
	}
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	if o.ready != nil {
		go o.ready(strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"))
	}
	if o.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(io.err, "baokan: could not open the browser (%v): open %s yourself\n", err, url)
		}
	}
	return explorer.Serve(ctx, ln, h, o.timeout)
}

// serveCache returns the cache of the raw sources args, indexing them when it is absent.
func (o *serveOptions) serveCache(io *streams, args []string) (string, error) {
	path := o.cacheFile
	if path == "" {
		key, err := o.sourcesKey(args)
		if err != nil {
			return "", err
		}
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no user cache folder (%v): give --cache FILE", err)
		}
		dir = filepath.Join(dir, "baokan", "serve")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		path = filepath.Join(dir, key+".bki")
	}
	if _, err := os.Stat(path); err == nil {
		if !o.quiet {
			fmt.Fprintf(io.err, "baokan: reusing the cache %s\n", path)
		}
		return path, nil
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: indexing into %s\n", path)
	}
	o.indexOptions.output = path
	if err := runIndex(io, &o.indexOptions, args); err != nil {
		return "", err
	}
	return path, nil
}

// sourcesKey names the cache of args: a hash of every file's path, size and modification
// time (the embedded sample's contents) and of the segmentation flags.
func (o *serveOptions) sourcesKey(args []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "hmm=%v dict=%q nocorpuswords=%v\n", o.hmm, o.dict, o.noCorpusWords)
	if o.dict != "" {
		if info, err := os.Stat(o.dict); err == nil {
			fmt.Fprintf(h, "dict %d %d\n", info.Size(), info.ModTime().UnixNano())
		}
	}
	if len(args) == 0 {
		err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(baokan.SampleFS, p)
			fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(b))
			return err
		})
		return "sample-" + hex.EncodeToString(h.Sum(nil))[:16], err
	}
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return "", err
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
