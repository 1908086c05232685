package corpus

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// Options configure a Reader. The zero value reads with all cores and keeps every article.
type Options struct {
	// Workers is the number of files read and parsed at once; 0 means two per core
	// (2 × runtime.GOMAXPROCS(0)): reading a file waits on the kernel, and a second
	// goroutine per core keeps the core busy meanwhile.
	Workers int
	// Filter keeps only the articles it matches; the others are counted as filtered out.
	Filter *Filter
	// OnDiagnostic, if set, is called for every diagnostic, in stream order, from the
	// goroutine that calls Next.
	OnDiagnostic func(Diagnostic)
	// SkipBody reads the header fields only: Body is nil, and the body's lines but its last
	// (which may end with the RW list) are not decoded, so that a pass that needs only the
	// metadata (RW lists, topics, dates) runs several times faster. Problems inside skipped
	// body text (invalid bytes, damaged markup) are not reported in this mode.
	SkipBody bool
	// OnFile, if set, is called once for every file read, with its size in bytes and the
	// number of articles it yielded, in stream order, from the goroutine that calls Next:
	// a hook for progress bars.
	OnFile func(path string, bytes, articles int)
	// OnFileInfo, if set, is called once for every file read with what the reader learnt
	// of it, in stream order, from the goroutine that calls Next, before the file's first
	// article is returned: a hook for indexes that replay the stream (see Summary.AddFile).
	// A file larger than the reader reads whole is streamed in parts, and OnFileInfo (and
	// OnFile) is called once for each part, before its articles, with the same Path; the
	// parts after the first are marked Continued (Summary.AddFile counts the file once).
	OnFileInfo func(FileInfo)
	// OnNotRead, if set, is called for every file that is not read, with the reason (a
	// duplicate of a file read before, a name that is not .txt, an archive inside an
	// archive...), in stream order, from the goroutine that calls Next.
	OnNotRead func(path string, reason Kind, message string)
	// MaxMemberSize bounds the bytes one archive member may expand to; a larger member is
	// left out with a member_too_large diagnostic. 0 means DefaultMaxMemberSize.
	MaxMemberSize int64
	// Stdin is read for the source "-" (StdinSource): one tagged text, or a .zip, .tar or
	// .tar.gz archive, told apart by their first bytes. Nil: "-" is an error.
	Stdin io.Reader
	// TaggedPaper names the paper of the articles of the tagged export, which does not name
	// it (Article.Paper); the JSON forms name their paper themselves. "" leaves it empty.
	TaggedPaper string
}

// FileInfo is what the reader learnt of one file (or archive member).
type FileInfo struct {
	Path        string
	Bytes       int
	Encoding    string       // detected encoding; "" when the file could not be decoded (empty, unreadable)
	Articles    int          // articles parsed, before the filter
	Skipped     int          // articles left out because of a problem (truncated)
	Diagnostics []Diagnostic // every diagnostic of the file, in line order
	// Continued: a further part of a file streamed in parts (see Options.OnFileInfo), with
	// the same Path as the part before; Summary.AddFile counts the file once.
	Continued bool
}

// Summary accounts for everything a Reader saw. Articles = Matched + FilteredOut;
// Skipped articles are not in Articles.
type Summary struct {
	Files            int            // files read (archive members count one each)
	Bytes            int64          // bytes read
	Ignored          int            // files not read (not .txt, duplicates, nested archives...): the sum of NotRead
	NotRead          map[Kind]int   // files not read, by reason (not persisted by a cache: see Ignored)
	Articles         int            // articles read
	Matched          int            // articles that passed the filter (all of them without one)
	FilteredOut      int            // articles the filter left out
	Skipped          map[Kind]int   // articles left out because of a problem, by kind
	FilesNoArticle   map[Kind]int   // files that yielded no article, by reason
	Diagnostics      map[Kind]int   // diagnostics by kind
	ArticlesByKind   map[Kind]int   // articles with at least one diagnostic of the kind
	ArticlesProblems int            // articles with at least one diagnostic
	Encodings        map[string]int // files by detected encoding
}

// NewSummary returns an empty Summary with its maps made.
func NewSummary() Summary { return newSummary() }

func newSummary() Summary {
	return Summary{
		Skipped:        map[Kind]int{},
		FilesNoArticle: map[Kind]int{},
		Diagnostics:    map[Kind]int{},
		ArticlesByKind: map[Kind]int{},
		Encodings:      map[string]int{},
		NotRead:        map[Kind]int{},
	}
}

// SkippedTotal is the number of articles left out because of a problem.
func (s Summary) SkippedTotal() int { return sumCounts(s.Skipped) }

// FilesNoArticleTotal is the number of files that yielded no article.
func (s Summary) FilesNoArticleTotal() int { return sumCounts(s.FilesNoArticle) }

// DiagnosticsTotal is the number of diagnostics.
func (s Summary) DiagnosticsTotal() int { return sumCounts(s.Diagnostics) }

// Kinds returns the keys of a count map, sorted.
func Kinds(m map[Kind]int) []Kind {
	ks := make([]Kind, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

func sumCounts(m map[Kind]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Reader streams the articles of a set of sources. Files are parsed in parallel; articles
// come out in a fixed order (sources in the order given, files in lexical path order within
// a folder and a .zip, archive order within a .tar.gz, then by line) whatever the number of
// workers. Memory is bounded by a window of about two files per worker.
type Reader struct {
	opt     Options
	cancel  context.CancelFunc
	order   chan chan *fileResult
	done    chan struct{}
	current *fileResult
	next    int
	summary Summary
	seen    map[fileID]struct{} // files read, by identity
	dups    duplicates          // articles of the JSON forms read so far
	mu      sync.Mutex
	closed  bool
	streams sync.WaitGroup // the goroutines of streamed files (streamFile)
}

// Open checks the sources and starts reading them. It fails at once if a source does not
// exist or a pattern matches nothing; problems inside files are diagnostics, not errors.
func Open(sources []string, opt Options) (*Reader, error) {
	resolved, err := resolveSources(sources)
	if err != nil {
		return nil, err
	}
	return start(opt, func(p *producer) {
		for _, src := range resolved {
			if !p.source(src) {
				return
			}
		}
	}), nil
}

// OpenFS reads the article files under root in fsys (for example an embed.FS).
func OpenFS(fsys fs.FS, root string, opt Options) (*Reader, error) {
	if _, err := fs.Stat(fsys, root); err != nil {
		return nil, err
	}
	return start(opt, func(p *producer) { p.fsys(fsys, root) }), nil
}

func start(opt Options, walk func(*producer)) *Reader {
	workers := opt.Workers
	if workers <= 0 {
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &Reader{
		opt:     opt,
		cancel:  cancel,
		order:   make(chan chan *fileResult, 2*workers+2),
		done:    make(chan struct{}),
		summary: newSummary(),
		seen:    map[fileID]struct{}{},
	}
	type job struct {
		u   unit
		out chan *fileResult
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- parseUnit(ctx, j.u, opt.SkipBody, opt.TaggedPaper, &r.streams)
			}
		}()
	}
	p := &producer{ctx: ctx, opt: &r.opt}
	p.skip = func(path string, k Kind, msg string) bool {
		out := make(chan *fileResult, 1)
		out <- &fileResult{path: path, notRead: k, diags: []Diagnostic{{Path: path, Kind: k, Message: msg}}}
		select {
		case r.order <- out:
			return true
		case <-ctx.Done():
			return false
		}
	}
	p.emit = func(u unit) bool {
		out := make(chan *fileResult, 1)
		select {
		case r.order <- out: // reserve the unit's place in the stream first
		case <-ctx.Done():
			return false
		}
		select {
		case jobs <- job{u, out}:
			return true
		case <-ctx.Done():
			if u.done != nil {
				u.done()
			}
			out <- &fileResult{path: u.path, err: ctx.Err()}
			return false
		}
	}
	go func() {
		defer close(r.done)
		walk(p)
		close(jobs)
		wg.Wait()
		close(r.order)
	}()
	return r
}

// Next returns the next article that passes the filter, or io.EOF at the end.
func (r *Reader) Next() (*Article, error) {
	for {
		if r.current != nil && r.next < len(r.current.articles) {
			a := r.current.articles[r.next]
			r.next++
			r.summary.Articles++
			if r.opt.Filter != nil && !r.opt.Filter.Match(a) {
				r.summary.FilteredOut++
				continue
			}
			r.summary.Matched++
			return a, nil
		}
		var res *fileResult
		if r.current != nil {
			r.current.articles = nil // let the file's articles go
			if more := r.current.more; more != nil {
				res = <-more // the next part of a streamed file
			}
		}
		if res == nil {
			slot, ok := <-r.order
			if !ok {
				<-r.done
				r.current = nil
				return nil, io.EOF
			}
			res = <-slot
			if res.err != nil && len(res.diags) == 0 {
				return nil, res.err // cancelled
			}
			if r.duplicate(res) {
				r.current = nil
				continue
			}
		}
		if res.notRead != "" {
			r.summary.Ignored++
			r.summary.NotRead[res.notRead]++
			if r.opt.OnNotRead != nil {
				r.opt.OnNotRead(res.path, res.notRead, res.diags[0].Message)
			}
			r.current = nil
			continue
		}
		r.dups.drop(res)
		r.account(res)
		r.current, r.next = res, 0
	}
}

// duplicate reports whether res is a file read before (the same file on disk, or an
// archive member with the same name and content as one read before), and if so counts it
// as not read (duplicate_file) and drops it. Deciding here, in stream order, keeps the
// first occurrence whatever the number of workers.
func (r *Reader) duplicate(res *fileResult) bool {
	if res.id == 0 || res.notRead != "" {
		return false
	}
	if _, ok := r.seen[res.id]; !ok {
		r.seen[res.id] = struct{}{}
		return false
	}
	for part := res.more; part != nil; { // drain a streamed file's parts
		p, ok := <-part
		if !ok {
			break
		}
		_ = p
	}
	r.summary.Ignored++
	r.summary.NotRead[KindDuplicateFile]++
	if r.opt.OnNotRead != nil {
		what := "the same file (device and inode) as one read already"
		if res.id.member() {
			what = "a member with the same name and bytes as one read already"
		}
		r.opt.OnNotRead(res.path, KindDuplicateFile, what)
	}
	return true
}

func (r *Reader) account(res *fileResult) {
	info := FileInfo{Path: res.path, Bytes: res.bytes, Encoding: string(res.encoding),
		Articles: len(res.articles), Skipped: res.skipped, Diagnostics: res.diags, Continued: res.continued}
	r.summary.AddFile(info)
	if r.opt.OnDiagnostic != nil {
		for _, d := range res.diags {
			r.opt.OnDiagnostic(d)
		}
	}
	for _, a := range res.articles {
		r.summary.AddArticleProblems(a)
	}
	if r.opt.OnFileInfo != nil {
		r.opt.OnFileInfo(info)
	}
	if r.opt.OnFile != nil {
		r.opt.OnFile(res.path, res.bytes, len(res.articles))
	}
}

// AddFile counts one file as a Reader does: files, bytes, encodings, diagnostics, skipped
// articles, and files without an article (by reason). Articles, Matched and FilteredOut are
// counted as articles are read, ArticlesProblems and ArticlesByKind by AddArticleProblems.
// s must have its maps made (NewSummary).
func (s *Summary) AddFile(f FileInfo) {
	s.Bytes += int64(f.Bytes)
	continued := f.Continued
	if !continued {
		s.Files++
		if f.Encoding != "" {
			s.Encodings[f.Encoding]++
		}
	}
	for _, d := range f.Diagnostics {
		s.Diagnostics[d.Kind]++
		if d.Kind.Skips() {
			s.Skipped[d.Kind]++
		}
	}
	if f.Articles == 0 && f.Skipped == 0 && !continued {
		reason := KindNoArticle
		for _, d := range f.Diagnostics {
			if d.Kind == KindEmptyFile || d.Kind == KindReadError || d.Kind == KindNoArticle || d.Kind == KindNotRegular || d.Kind == KindMemberTooLarge {
				reason = d.Kind
				break
			}
		}
		s.FilesNoArticle[reason]++
	}
}

// AddArticleProblems counts an article (read, before the filter) among those with
// diagnostics, once per kind.
func (s *Summary) AddArticleProblems(a *Article) {
	if len(a.Diagnostics) == 0 {
		return
	}
	s.ArticlesProblems++
	var seen []Kind // a few kinds at most
	for _, d := range a.Diagnostics {
		if !slices.Contains(seen, d.Kind) {
			seen = append(seen, d.Kind)
			s.ArticlesByKind[d.Kind]++
		}
	}
}

// All returns an iterator over the remaining articles. It is single-use: it consumes the
// Reader. A non-EOF error (a cancelled read) ends the iteration after being yielded.
func (r *Reader) All() iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		for {
			a, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(a, err) || err != nil {
				return
			}
		}
	}
}

// Summary returns the counts so far; after Next has returned io.EOF they are final.
func (r *Reader) Summary() Summary { return r.summary }

// Close stops reading and releases the workers. It is safe to call more than once.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	r.cancel()
	// Drain so that the producer and workers can finish.
	go func() {
		for slot := range r.order {
			<-slot
		}
	}()
	<-r.done
	r.streams.Wait() // streamed files stop at their next part once cancelled
	return nil
}

// ReadAll reads every article of the sources into memory: for tests and small corpora.
func ReadAll(sources []string, opt Options) ([]*Article, Summary, error) {
	r, err := Open(sources, opt)
	if err != nil {
		return nil, Summary{}, err
	}
	defer r.Close()
	var out []*Article
	for a, err := range r.All() {
		if err != nil {
			return out, r.Summary(), err
		}
		out = append(out, a)
	}
	return out, r.Summary(), nil
}

// String renders the one-line summary the command prints on stderr.
func (s Summary) String() string {
	line := fmt.Sprintf("%d files, %d articles", s.Files, s.Articles)
	if s.FilteredOut > 0 {
		line += fmt.Sprintf(" (%d matched the filter)", s.Matched)
	}
	if n := s.SkippedTotal(); n > 0 {
		line += fmt.Sprintf(", %d skipped", n)
	}
	if n := sumCounts(s.FilesNoArticle); n > 0 {
		line += fmt.Sprintf(", %d files without an article", n)
	}
	if s.Ignored > 0 {
		line += fmt.Sprintf(", %d files not read", s.Ignored)
		if sumCounts(s.NotRead) == s.Ignored {
			sep := " ("
			for _, k := range Kinds(s.NotRead) {
				line += fmt.Sprintf("%s%s %d", sep, k, s.NotRead[k])
				sep = ", "
			}
			line += ")"
		}
	}
	n := s.DiagnosticsTotal()
	if n == 0 {
		return line + ", no diagnostics"
	}
	line += fmt.Sprintf(", %d diagnostics:", n)
	for _, k := range Kinds(s.Diagnostics) {
		line += fmt.Sprintf(" %s %d", k, s.Diagnostics[k])
	}
	return line
}
