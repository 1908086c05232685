package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHiddenDrawsNothing: a file is not a terminal, so New returns a Bar that counts and
// draws nothing, enabled or not.
func TestHiddenDrawsNothing(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, enabled := range []bool{true, false} {
		b := New(f, enabled, "reading")
		if b.Shown() {
			t.Fatalf("enabled=%v: a Bar on a regular file is shown", enabled)
		}
		b.Add(100, 1)
		b.Finish()
		b.Finish()
		if b.Bytes() != 100 || b.Articles() != 1 {
			t.Errorf("enabled=%v: counted %d bytes, %d articles, want 100, 1", enabled, b.Bytes(), b.Articles())
		}
	}
	if info, err := f.Stat(); err != nil || info.Size() != 0 {
		t.Errorf("hidden Bars wrote %d bytes to the file (err %v)", info.Size(), err)
	}
	if b := New(nil, true, "x"); b.Shown() {
		t.Error("a Bar on a nil file is shown")
	}
	var nilBar *Bar // a nil Bar must be usable as a no-op
	nilBar.Add(1, 1)
	nilBar.Finish()
	if nilBar.Bytes() != 0 || nilBar.Articles() != 0 || nilBar.Shown() {
		t.Error("a nil Bar is not a no-op")
	}
}

func TestHiddenAddAllocatesNothing(t *testing.T) {
	b := New(nil, false, "x")
	if allocs := testing.AllocsPerRun(1000, func() { b.Add(10, 1) }); allocs != 0 {
		t.Errorf("Add allocates %.1f times a call", allocs)
	}
}

// TestConcurrentCounting: 8 goroutines each add 1,000 times (3 bytes, 1 article), so the
// totals must be 8*1000*3 = 24,000 bytes and 8*1000 = 8,000 articles. Run with -race.
func TestConcurrentCounting(t *testing.T) {
	var out lockedBuffer
	for _, show := range []bool{false, true} {
		b := newBar(&out, show, "reading", time.Millisecond)
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 1000; i++ {
					b.Add(3, 1)
				}
			}()
		}
		wg.Wait()
		b.Finish()
		if b.Bytes() != 24000 || b.Articles() != 8000 {
			t.Errorf("show=%v: counted %d bytes, %d articles, want 24000, 8000", show, b.Bytes(), b.Articles())
		}
	}
}

// TestShownDrawsFinalCounts: a shown Bar's last line has the description, the article
// count and the bytes as progressbar humanizes them (1500 bytes = "1.5 kB", base 1000).
func TestShownDrawsFinalCounts(t *testing.T) {
	var out lockedBuffer
	b := newBar(&out, true, "reading", time.Hour) // no tick: only Finish draws the counts
	b.Add(1000, 2)
	b.Add(500, 1)
	b.Finish()
	b.Finish()
	got := out.String()
	last := got[strings.LastIndex(strings.TrimSuffix(got, "\n"), "\r")+1:]
	for _, want := range []string{"reading: 3 articles", "1.5 kB"} {
		if !strings.Contains(last, want) {
			t.Errorf("final line %q lacks %q", last, want)
		}
	}
	if !strings.HasSuffix(got, "\n") {
		t.Errorf("output %q does not end the line", got)
	}
}

// lockedBuffer is a bytes.Buffer that progressbar's goroutines may write to.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func BenchmarkAddShown(b *testing.B) {
	var out lockedBuffer
	bar := newBar(&out, true, "reading", refreshInterval)
	defer bar.Finish()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			bar.Add(4096, 1)
		}
	})
}
