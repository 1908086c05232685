package chart

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPreview writes one picture of each kind to $BAOKAN_CHART_PREVIEW (a directory), for
// looking at them; without it the test is skipped.
func TestPreview(t *testing.T) {
	dir := os.Getenv("BAOKAN_CHART_PREVIEW")
	if dir == "" {
		t.Skip("set BAOKAN_CHART_PREVIEW to a directory to write preview pictures")
	}
	if _, err := FindFont(); err != nil {
		t.Skip(err)
	}
	for name, c := range previewCharts(t) {
		for _, ext := range []string{".png", ".svg"} {
			if err := Save(filepath.Join(dir, "chart-"+name+ext), c, Options{}); err != nil {
				t.Fatal(err)
			}
		}
	}
}
