// Command baokan reads the tagged full-text archives of the People's Daily (人民日报) and
// the PLA Daily (解放军报) and answers the questions researchers ask of them: what is in
// the corpus, which words mark a period, who is mentioned with whom.
//
//	baokan stats [CORPUS...]       overview and breakdowns by year, month, page, genre, column
//	baokan articles [CORPUS...]    one row per article, every field
//	baokan report -o DIR [CORPUS...]  a report to read and cite: index.html and report.md
//	baokan export [CORPUS...] --parquet DIR   the articles and their words as Parquet tables
//
// With no CORPUS, commands read the embedded sample of 38 real articles (30 PLA Daily,
// 8 People's Daily). Run
// `baokan help COMMAND` for each command's flags.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/internal/version"
)

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1 // usage errors, missing paths, failures
	exitDiagnostics = 2 // --strict and the corpus had diagnostics
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The live heap is small (a few files in flight), so the default GOGC=100 collects
		// very often; 400 cuts CPU time by about a fifth for a few more MB.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// streams are the command's standard files; tests pass buffers.
type streams struct {
	in   io.Reader
	out  io.Writer
	err  io.Writer
	args []string // the command line after "baokan", as given (for the report's methods)

	stdin *stdinBuffer // standard input as a corpus source "-", read once (see stdin.go)
}

// run executes the command line and returns the exit status.
func run(args []string, in io.Reader, out, errOut io.Writer) int {
	io := &streams{in: in, out: out, err: errOut, args: args}
	root := newRootCmd(io)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.Execute()
	var strict *strictError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &strict):
		fmt.Fprintf(errOut, "baokan: %v\n", err)
		return exitDiagnostics
	default:
		fmt.Fprintf(errOut, "baokan: %v\n", err)
		return exitError
	}
}

// strictError ends a run with --strict when the corpus had diagnostics.
type strictError struct{ n int }

func (e *strictError) Error() string {
	return fmt.Sprintf("--strict: %d diagnostics (run with --verbose to see each)", e.n)
}

func newRootCmd(io *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "baokan",
		Short: "Corpus statistics, words and persons from the People's Daily and PLA Daily archives",
		Long: `baokan reads the tagged full-text export of the People's Daily (人民日报) and PLA Daily
(解放军报) archives, 1946–2003: files, folders, glob patterns, .zip and .tar.gz archives, in GBK,
GB18030 or UTF-8, one or many articles a file; and the JSON datasets of the People's Daily
and the Wenhui Bao (文汇报), one article a file or a line (docs/JSON-FORMATS.md); - reads
standard input (one tagged text or JSON file, or a .zip, .tar or .tar.gz archive). With no
CORPUS it reads an embedded sample of 38 real articles: 30 PLA Daily articles in the tagged
export and 8 People's Daily articles in the dataset's JSON form.

No command writes over its sources: an output (-o, --chart, --gexf, --parquet DIR...) that is
a source, or lies inside a source folder, or cannot be written, is refused before reading.

Every problem met while reading is a diagnostic (file, line, kind, message); a one-line
summary goes to stderr, --verbose prints each, --strict turns them into exit status 2.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Get().String(),
	}
	root.SetVersionTemplate("baokan {{.Version}}\n")
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile to `FILE` (for benchmarks)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var stopProfile func()
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if err := checkUsage(io, c); err != nil {
			return err
		}
		if err := checkOutputs(io, c, args); err != nil {
			return err
		}
		if cpuProfile == "" {
			return nil
		}
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		return nil
	}
	root.PersistentPostRun = func(c *cobra.Command, args []string) {
		if stopProfile != nil {
			stopProfile()
		}
	}
	root.AddCommand(newStatsCmd(io), newIndexCmd(io), newArticlesCmd(io), newPersonsCmd(io), newNetworkCmd(io), newTermsCmd(io), newKeywordsCmd(io), newKeynessCmd(io), newSegmentCmd(io), newNewwordsCmd(io), newTimelineCmd(io), newReportCmd(io), newExportCmd(io), newServeCmd(io))
	addQueryCmds(root, io)
	root.AddCommand(newLookupCmd(io))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun '%s --help' for usage", err, c.CommandPath())
	})
	return root
}
