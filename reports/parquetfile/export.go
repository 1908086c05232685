package parquetfile

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"

	"github.com/baokan/baokan/corpus"
)

// The files of an export, in its directory.
const (
	ArticlesFile = "articles.parquet"
	TokensFile   = "tokens.parquet"
)

// Export writes a corpus into a directory as ArticlesFile and, with tokens, TokensFile:
// Add each article in corpus order, then Close. Each file is written under a fresh
// temporary name in the directory and renamed when complete, so that a failed or
// interrupted export leaves no truncated table under the final name, and a file of the
// user's named like the temporary one is never replaced.
type Export struct {
	articles, tokens *atomicFile
	aw               *ArticleWriter
	tw               *TokenWriter
	row              Article
	n                int64
}

// NewExport starts an export into dir (which must exist); tokens says whether the token
// table is written (and the articles' token counts set).
func NewExport(dir string, tokens bool) (*Export, error) {
	e := &Export{}
	var err error
	if e.articles, err = createAtomic(dir, ArticlesFile); err != nil {
		return nil, err
	}
	e.aw = NewArticleWriter(e.articles.buf)
	if tokens {
		if e.tokens, err = createAtomic(dir, TokensFile); err != nil {
			e.articles.abort()
			return nil, err
		}
		e.tw = NewTokenWriter(e.tokens.buf)
	}
	return e, nil
}

// Add writes the next article with its persons and, with tokens, its kept words.
func (e *Export) Add(a *corpus.Article, persons, words []string) error {
	e.row.Set(e.n, a, persons)
	if e.tw != nil {
		e.row.SetTokens(len(words))
	}
	if err := e.aw.Write(&e.row); err != nil {
		return err
	}
	if e.tw != nil {
		if err := e.tw.WriteArticle(e.n, words); err != nil {
			return err
		}
	}
	e.n++
	return nil
}

// Articles and Tokens return the rows written so far.
func (e *Export) Articles() int64 { return e.n }

// Tokens returns the rows of the token table written so far (0 without it).
func (e *Export) Tokens() int64 {
	if e.tw == nil {
		return 0
	}
	return e.tw.Rows()
}

// Paths returns the final paths of the files ("" for a table not written).
func (e *Export) Paths() (articles, tokens string) {
	if e.tokens != nil {
		tokens = e.tokens.final
	}
	return e.articles.final, tokens
}

// Close ends the tables and gives the files their final names; on an error it removes
// them.
func (e *Export) Close() error {
	err := e.aw.Close()
	if e.tw != nil {
		err = errors.Join(err, e.tw.Close())
	}
	if err == nil {
		err = e.articles.commit()
	}
	if err == nil && e.tokens != nil {
		err = e.tokens.commit()
	}
	if err != nil {
		e.Abort()
	}
	return err
}

// Abort removes the files not committed.
func (e *Export) Abort() {
	e.articles.abort()
	if e.tokens != nil {
		e.tokens.abort()
	}
}

// atomicFile is one output file, written under a temporary name and renamed when
// complete.
type atomicFile struct {
	f          *os.File
	buf        *bufio.Writer
	tmp, final string
	done       bool
}

func createAtomic(dir, name string) (*atomicFile, error) {
	final := filepath.Join(dir, name)
	f, err := os.CreateTemp(dir, name+".partial*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes 0600; tables are to share
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{f: f, buf: bufio.NewWriterSize(f, 1<<20), tmp: f.Name(), final: final}, nil
}

// commit flushes and closes the file, and gives it its final name.
func (p *atomicFile) commit() error {
	err := p.buf.Flush()
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(p.tmp, p.final)
	}
	p.done = err == nil
	return err
}

// abort removes the temporary file, unless commit succeeded.
func (p *atomicFile) abort() {
	if p.done {
		return
	}
	p.f.Close()
	os.Remove(p.tmp)
}
