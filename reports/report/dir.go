package report

import (
	"bytes"
	"fmt"
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
