//go:build unix

package corpus

import (
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Defect 1: a FIFO in a folder, named directly, and a character device are not read (they
// could block or never end): each is a not_regular diagnostic and a file without an
// article; the real articles beside the FIFO are read.
func TestFIFOAndDevicesNotRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	copyReal(t, dir)
	fifo := filepath.Join(dir, "txt", "p.TXT")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var diags []Diagnostic
	arts, sum, _ := readWithin(t, 60*time.Second, []string{dir, fifo, "/dev/zero"}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
	if len(arts) != 4 {
		t.Errorf("%d articles, want the 4 real ones", len(arts))
	}
	nr := diagsOf(diags, KindNotRegular)
	// The FIFO twice (in the folder, then named: a diagnostic each, as nothing was read to
	// tell they are the same) and /dev/zero.
	if len(nr) != 3 || nr[0].Path != fifo || nr[1].Path != fifo || nr[2].Path != "/dev/zero" ||
		!strings.Contains(nr[0].Message, "FIFO") || !strings.Contains(nr[2].Message, "character device") {
		t.Errorf("not_regular diagnostics %v", nr)
	}
	if sum.FilesNoArticle[KindNotRegular] != 3 || sum.Diagnostics[KindNotRegular] != 3 {
		t.Errorf("summary %s", sum)
	}
}
