package corpus

import (
	"errors"
	"fmt"
	"io"
	"iter"
)

// Source is the contract every article source satisfies: the raw Reader over files,
// folders, archives and standard input, and the scanner of a segment-once cache
// (analysis/tokens/cache: its Scanner, or OpenScan for one that owns its file). A source
// gives its articles one at a time in corpus order (Next, or All as a range loop), accounts
// for what it read and left out (Summary: files, articles, those skipped and not read by
// reason, the filter's matches, the diagnostics by kind), and releases what it holds
// (Close, safe to call more than once, also before the end).
//
// Code written against Source reads the raw files and a cache alike:
//
//	for a, err := range src.All() { … }
//	sum := src.Summary() // final once All has ended
type Source interface {
	// Next returns the next article that passes the source's filter, or io.EOF at the end.
	Next() (*Article, error)
	// All returns a single-use iterator over the remaining articles; an error other than
	// io.EOF is yielded, then ends the iteration.
	All() iter.Seq2[*Article, error]
	// Summary returns the counts so far; after Next has returned io.EOF they are final.
	Summary() Summary
	// Close stops reading and releases the source's goroutines and files.
	Close() error
}

var _ Source = (*Reader)(nil)

// ErrNoArticle is wrapped by the error of a run over sources that held no article at all
// (NoArticleError): nothing to count is a mistake (a wrong folder, files of another kind),
// not a result of zero.
var ErrNoArticle = errors.New("no article read")

// NoArticleError returns the error of a run whose summary counts no article, naming what
// was found instead (the files, those without articles by reason, those not read); nil
// when sum counts articles.
func NoArticleError(sum Summary) error {
	if sum.Articles > 0 {
		return nil
	}
	return &noArticleError{sum: sum}
}

type noArticleError struct{ sum Summary }

func (e *noArticleError) Error() string {
	sum := e.sum
	why := fmt.Sprintf("%d files", sum.Files)
	for _, k := range Kinds(sum.FilesNoArticle) {
		why += fmt.Sprintf(", %d %s", sum.FilesNoArticle[k], k)
	}
	if sum.Ignored > 0 {
		why += fmt.Sprintf(", %d not read (--verbose names them)", sum.Ignored)
	}
	return fmt.Sprintf("no article read (%s): is this a folder of the archive's tagged .txt files?", why)
}

func (e *noArticleError) Unwrap() error { return ErrNoArticle }

// Drain reads src to its end, calling fn (if not nil) with every article in order, and
// returns the first error of src or fn. It does not close src.
func Drain(src Source, fn func(*Article) error) error {
	for {
		a, err := src.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if fn != nil {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
}
