package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/parquetfile"
)

type exportOptions struct {
	corpusOptions
	wordFlags
	personFlags
	dir      string
	noTokens bool
}

// The files of an export, in its directory.
const (
	articlesFile = parquetfile.ArticlesFile
	tokensFile   = parquetfile.TokensFile
)

func newExportCmd(io *streams) *cobra.Command {
	o := &exportOptions{}
	c := &cobra.Command{
		Use:   "export [CORPUS...] --parquet DIR",
		Short: "Write the articles and their words as Parquet tables (pandas, R, DuckDB, Spark)",
		Long: `export writes the corpus as two Apache Parquet tables into DIR (created if missing), for
pandas, R (arrow), DuckDB, Polars or Spark to take over:

` + articlesFile + `: one row per article kept by the filters, in corpus order (path, then line).
` + columnsHelp(parquetfile.ArticleColumns()) + `
` + tokensFile + `: one row per kept word, sorted by article, then position.
` + columnsHelp(parquetfile.TokenColumns()) + `
The join key is article: tokens.article = articles.article. Article numbers count the
articles exported (after --from, --to, --page, --genre, --title), so they change with the
filters. The words are those 'baokan terms' counts with the same flags: the sum of its
counts over all terms is the number of rows of ` + tokensFile + `. persons are resolved
as 'baokan persons' resolves them (--aliases, --by-date), from the RW lists of the whole
selection, in two quick passes over the metadata before the main one. --no-tokens writes
` + articlesFile + ` alone, without segmenting (tokens is then null).

Files: zstd-compressed, data pages v1, row groups of 65,536 articles and 1,048,576 tokens;
the same corpus and flags give the same bytes whatever --workers. Each file is written
under a temporary name and renamed when complete.

Reading them:
  pandas   arts = pd.read_parquet("DIR/articles.parquet")
           toks = pd.read_parquet("DIR/tokens.parquet")
           toks.merge(arts[["article", "year"]], on="article").groupby(["year", "term"]).size()
  R        library(arrow); library(dplyr)
           arts <- read_parquet("DIR/articles.parquet")
           open_dataset("DIR/tokens.parquet") |> inner_join(select(arts, article, year), by = "article") |>
             count(year, term) |> collect()
  DuckDB   SELECT a.year, t.term, count(*) AS n
           FROM 'DIR/tokens.parquet' t JOIN 'DIR/articles.parquet' a USING (article)
           GROUP BY ALL ORDER BY n DESC LIMIT 20;
  Spark    spark.read.parquet("DIR/tokens.parquet").join(spark.read.parquet("DIR/articles.parquet"), "article")

` + wordFlagsHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error { return runExport(io, c.Flags(), o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	for _, name := range outputOnlyFlags {
		_ = c.Flags().MarkHidden(name)
	}
	addWordFlags(c, &o.wordFlags)
	addRWPersonFlags(c, &o.personFlags)
	c.Flags().StringVar(&o.dir, "parquet", "", "write "+articlesFile+" and "+tokensFile+" into `DIR`")
	c.Flags().BoolVar(&o.noTokens, "no-tokens", false, "write "+articlesFile+" only (no segmentation)")
	_ = c.MarkFlagRequired("parquet")
	return c
}

// outputOnlyFlags are the corpus flags about tables on standard output, which export
// does not write.
var outputOnlyFlags = []string{"format", "output", "bom"}

// columnsHelp lists a table's columns for --help.
func columnsHelp(cols []parquetfile.Column) string {
	var b strings.Builder
	for _, c := range cols {
		fmt.Fprintf(&b, "  %-15s %-17s %s\n", c.Name, c.Type, c.Meaning)
	}
	return b.String()
}

func runExport(io *streams, flags *pflag.FlagSet, o *exportOptions, args []string) error {
	for _, name := range outputOnlyFlags {
		if flags.Changed(name) {
			return fmt.Errorf("--%s: export writes Parquet files into the --parquet directory", name)
		}
	}
	if o.noTokens {
		var set []string
		flags.Visit(func(f *pflag.Flag) {
			if wordFlagNames()[f.Name] {
				set = append(set, "--"+f.Name)
			}
		})
		if len(set) > 0 {
			return fmt.Errorf("--no-tokens: %s configure the words, which are not written", strings.Join(set, ", "))
		}
	}
	if o.dir == "" {
		return errors.New("--parquet: want a directory")
	}
	// The segmenters keep about 200 MB live: the GOGC=400 that suits the reader's small
	// heap would let the heap grow past 1 GB.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	people, err := resolvePersons(io, &o.corpusOptions, &o.personFlags, args)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("--parquet: %w", err)
	}
	if o.noTokens {
		if _, err := os.Stat(filepath.Join(o.dir, tokensFile)); err == nil && !o.quiet {
			fmt.Fprintf(io.err, "baokan: warning: %s is left from an earlier export and does not match the new %s\n",
				filepath.Join(o.dir, tokensFile), articlesFile)
		}
		return exportArticles(io, o, people, args)
	}
	return exportWithTokens(io, o, people, args)
}

// wordFlagNames returns the names of the word flags.
func wordFlagNames() map[string]bool {
	c := &cobra.Command{}
	addWordFlags(c, &wordFlags{})
	names := map[string]bool{}
	c.Flags().VisitAll(func(f *pflag.Flag) { names[f.Name] = true })
	return names
}

// resolvePersons gives the persons of every article of the selection as 'baokan persons'
// finds them, from a quiet metadata-only pass (persons.Collector), as a persons.Table: the
// resolver, and the segmenter it may load, are collected before the word segmenter loads,
// so that the two are never in memory together.
func resolvePersons(io *streams, co *corpusOptions, pf *personFlags, args []string) (*persons.Table, error) {
	collector, err := newPersonCollector(pf)
	if err != nil {
		return nil, err
	}
	collector.c.KeepEntries = false
	quiet := *co
	quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the main pass reports
	quiet.skipBody = true
	s, err := quiet.open(io, args)
	if err != nil {
		return nil, err
	}
	collector.copyText = s.cache == nil
	err = corpus.Drain(s.reader, func(a *corpus.Article) error { collector.add(a); return nil })
	s.close()
	if err != nil {
		return nil, err
	}
	table := persons.TableOf(collector.c.Resolve())
	collector = nil
	runtime.GC()
	return table, nil
}

// exportWithTokens writes both tables in one pass of the word stream.
func exportWithTokens(io *streams, o *exportOptions, people *persons.Table, args []string) error {
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	defer ws.Close() // on the error paths; closed below otherwise
	e, err := parquetfile.NewExport(o.dir, true)
	if err != nil {
		return err
	}
	var names []string
	err = ws.Each(func(a *corpus.Article, words []string) error {
		var err error
		if names, err = people.Article(names[:0], e.Articles()); err == nil {
			err = e.Add(a, names, words)
		}
		return err
	})
	if err != nil {
		e.Abort()
		return err
	}
	if err := e.Close(); err != nil {
		return err
	}
	if !o.quiet {
		arts, toks := e.Paths()
		fmt.Fprintf(io.err, "baokan: wrote %d articles to %s, %d tokens to %s\n", e.Articles(), arts, e.Tokens(), toks)
	}
	return ws.Close()
}

// exportArticles writes the articles table alone, reading the corpus without
// segmenting it.
func exportArticles(io *streams, o *exportOptions, people *persons.Table, args []string) error {
	s, err := o.open(io, args)
	if err != nil {
		return err
	}
	e, err := parquetfile.NewExport(o.dir, false)
	if err != nil {
		s.close()
		return err
	}
	var names []string
	for a, err := range s.reader.All() {
		if err == nil {
			if names, err = people.Article(names[:0], e.Articles()); err == nil {
				err = e.Add(a, names, nil)
			}
		}
		if err != nil {
			s.close()
			e.Abort()
			return err
		}
	}
	verdict := s.close()
	if err := e.Close(); err != nil {
		return err
	}
	if !o.quiet {
		arts, _ := e.Paths()
		fmt.Fprintf(io.err, "baokan: wrote %d articles to %s\n", e.Articles(), arts)
	}
	return verdict
}
