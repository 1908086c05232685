package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/internal/outguard"
	"github.com/baokan/baokan/reports/report"
)

// inputFileFlags are the flags that name files a command reads besides its sources.
var inputFileFlags = []string{"dict", "stopwords", "aliases", "font", "score", "words"}

// outputFileFlags are the flags that name a file a command writes.
var outputFileFlags = []string{"output", "chart", "gexf", "graphml", "dot", "cpuprofile"}

// checkOutputs refuses, before anything is read or opened for writing, every output that
// is a source of the run or lies inside a source folder, that cannot be written, or that
// is named twice; and, for report -o DIR, report files left in DIR by something other
// than baokan report (unless --force). See package outguard for the rules.
func checkOutputs(io *streams, c *cobra.Command, args []string) error {
	g := outguard.New(args...)
	flags := c.Flags()
	for _, name := range inputFileFlags {
		if f := flags.Lookup(name); f != nil && f.Changed {
			g.Add(f.Value.String())
		}
	}
	seen := map[string]string{} // resolved path → flag
	file := func(flag, path string) error {
		if err := g.CheckFile(flag, path); err != nil {
			return err
		}
		if path == "" || path == "-" {
			return nil
		}
		abs, _ := filepath.Abs(path)
		if other, dup := seen[abs]; dup {
			return fmt.Errorf("%s %s: also given to %s; give each output its own file", flag, path, other)
		}
		seen[abs] = flag
		return nil
	}
	for _, name := range outputFileFlags {
		f := flags.Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		flag, path := "--"+name, f.Value.String()
		if f.Shorthand != "" {
			flag = "-" + f.Shorthand
		}
		var err error
		switch {
		case name == "output" && c.Name() == "report":
			err = checkReportDir(io, g, c, path)
		case name == "output" && c.Name() == "network":
			err = checkNetworkOutput(c, path, file)
		default:
			err = file(flag, path)
		}
		if err != nil {
			return err
		}
	}
	if f := flags.Lookup("parquet"); f != nil && f.Changed {
		dir := f.Value.String()
		if err := g.CheckDir("--parquet", dir, articlesFile, tokensFile); err != nil {
			return err
		}
	}
	return nil
}

// checkNetworkOutput checks network's -o: one file for the table format, else the two
// files PREFIX.nodes.EXT and PREFIX.edges.EXT it is the prefix of.
func checkNetworkOutput(c *cobra.Command, path string, file func(flag, path string) error) error {
	format := "table"
	if f := c.Flags().Lookup("format"); f != nil {
		format = f.Value.String()
	}
	if format == "table" || path == "-" {
		return file("-o", path)
	}
	prefix := strings.TrimSuffix(path, "."+format)
	for _, part := range []string{"nodes", "edges"} {
		if err := file("-o", prefix+"."+part+"."+format); err != nil {
			return err
		}
	}
	return nil
}

// checkReportDir checks report's -o DIR. The report writes index.html, report.md and
// figures/NAME.svg (or .png) into DIR and nothing else; it deletes nothing. Files of those
// names are replaced when DIR/index.html is a report's (it carries baokan's generator
// mark), or with --force; otherwise the run stops before reading. When DIR already holds
// files, stderr says which it will write.
func checkReportDir(io *streams, g *outguard.Guard, c *cobra.Command, dir string) error {
	if err := g.CheckDir("-o", dir, report.HTMLFile, report.MarkdownFile, report.FigureDir); err != nil {
		return err
	}
	present, ours, err := report.Existing(dir)
	if err != nil {
		return fmt.Errorf("-o %s: %w", dir, err)
	}
	force, _ := c.Flags().GetBool("force")
	if len(present) > 0 && !ours && !force {
		return fmt.Errorf("-o %s: the folder holds %s, not written by baokan report: refusing to overwrite (give --force to replace them, or choose another folder)",
			dir, listNames(present))
	}
	entries, _ := os.ReadDir(dir)
	if quiet, _ := c.Flags().GetBool("quiet"); len(entries) > 0 && !quiet {
		replaced := ""
		if len(present) > 0 {
			replaced = "; replacing " + listNames(present)
		}
		fmt.Fprintf(io.err, "baokan: report: %s holds other files: writing only %s, %s and %s/ (nothing else is touched%s)\n",
			dir, report.HTMLFile, report.MarkdownFile, report.FigureDir, replaced)
	}
	return nil
}

// listNames lists a few names for a message.
func listNames(names []string) string {
	const most = 5
	if len(names) <= most {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:most], ", "), len(names)-most)
}
