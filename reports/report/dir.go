package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File names inside a report folder.
const (
	HTMLFile     = "index.html"
	MarkdownFile = "report.md"
	FigureDir    = "figures"
)

// WriteDir writes r into the folder dir, created if needed: dir/index.html (self-
// contained), dir/report.md and its figures as dir/figures/NAME.svg or .png. Files of
// those names are replaced; nothing else in dir is touched.
func WriteDir(dir string, r *Report) error {
	if err := r.Validate(); err != nil {
		return err
	}
	var html, md bytes.Buffer
	if err := WriteHTML(&html, r); err != nil {
		return err
	}
	if err := WriteMarkdown(&md, r, FigureDir); err != nil {
		return err
	}
	figs := r.Figures()
	if len(figs) > 0 {
		if err := os.MkdirAll(filepath.Join(dir, FigureDir), 0o755); err != nil {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range figs {
		if err := os.WriteFile(filepath.Join(dir, FigureDir, f.FileName()), f.Data, 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, MarkdownFile), md.Bytes(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, HTMLFile), html.Bytes(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// generatorMeta marks the index.html that WriteDir writes (in the template's head), so that
// a later run knows the folder's report files are its own to replace.
const generatorMeta = `<meta name="generator" content="baokan report">`

// Existing lists the files of a report that dir already holds: index.html, report.md and
// every file in figures/ (relative paths, sorted), and whether they are a report's:
// dir/index.html carries the mark WriteDir writes. A folder that does not exist holds none.
func Existing(dir string) (present []string, ours bool, err error) {
	for _, name := range []string{HTMLFile, MarkdownFile} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			present = append(present, name)
		} else if !os.IsNotExist(err) {
			return nil, false, err
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, FigureDir))
	if err != nil && !os.IsNotExist(err) {
		return nil, false, err
	}
	for _, e := range entries {
		present = append(present, filepath.Join(FigureDir, e.Name()))
	}
	if f, err := os.Open(filepath.Join(dir, HTMLFile)); err == nil {
		head := make([]byte, 4096)
		n, _ := io.ReadFull(f, head)
		f.Close()
		ours = bytes.Contains(head[:n], []byte(generatorMeta))
	}
	return present, ours, nil
}
