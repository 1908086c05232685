// Package progress shows how far a long run has got (bytes read, articles parsed) on a
// terminal, usually stderr. Off a terminal, or when quiet, it draws nothing, so logs
// and pipes stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// refreshInterval is how often a shown bar picks up the counts. Add only bumps two
// atomic counters; the drawing happens on this clock, off the caller's hot path.
const refreshInterval = 200 * time.Millisecond

// A Bar counts bytes and articles and, when shown, draws them with the byte rate and
// the elapsed time. Its methods are safe for concurrent use. A nil *Bar is valid and
// does nothing.
type Bar struct {
	bytes, articles atomic.Int64
	description     string

	// Only for a shown bar:
	bar    *progressbar.ProgressBar
	stop   chan struct{} // closed by Finish to end the refresh loop
	done   chan struct{} // closed when the refresh loop has ended
	finish sync.Once
}

// New returns a Bar that draws on out when enabled is true (the caller passes false
// for --quiet) and out is a terminal; otherwise the Bar only counts, at the cost of two
// atomic additions a call. description leads the line, e.g. "reading". Call Finish when
// the run ends.
func New(out *os.File, enabled bool, description string) *Bar {
	show := enabled && out != nil && term.IsTerminal(int(out.Fd()))
	return newBar(out, show, description, refreshInterval)
}

// newBar is New without the terminal check, so tests can watch a shown bar.
func newBar(out io.Writer, show bool, description string, refresh time.Duration) *Bar {
	b := &Bar{description: description}
	if !show {
		return b
	}
	b.bar = progressbar.NewOptions64(-1, // the total is not known: a spinner with counts
		progressbar.OptionSetWriter(out),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(), // with ShowBytes: the bytes so far, humanized
		progressbar.OptionSetWidth(10),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionFullWidth(),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(out) }),
		// Drawing the empty bar at once starts its clock before progressbar's spinner
		// goroutine reads it without its lock (a data race in v3.19.1 otherwise).
		progressbar.OptionSetRenderBlankState(true),
	)
	b.stop, b.done = make(chan struct{}), make(chan struct{})
	go b.refresh(refresh)
	return b
}

// refresh copies the counts into the drawn bar until Finish.
func (b *Bar) refresh(every time.Duration) {
	defer close(b.done)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-tick.C:
			b.update()
		}
	}
}

// update draws the current counts.
func (b *Bar) update() {
	b.bar.Describe(fmt.Sprintf("%s: %d articles", b.description, b.articles.Load()))
	b.bar.Set64(b.bytes.Load())
}

// Add counts bytes more bytes read and articles more articles done.
func (b *Bar) Add(bytes int64, articles int) {
	if b == nil {
		return
	}
	b.bytes.Add(bytes)
	b.articles.Add(int64(articles))
}

// Bytes returns the bytes counted so far.
func (b *Bar) Bytes() int64 {
	if b == nil {
		return 0
	}
	return b.bytes.Load()
}

// Articles returns the articles counted so far.
func (b *Bar) Articles() int {
	if b == nil {
		return 0
	}
	return int(b.articles.Load())
}

// Shown reports whether the Bar draws on its terminal.
func (b *Bar) Shown() bool { return b != nil && b.bar != nil }

// Finish draws the final counts and ends the line. Later calls, and calls on a Bar that
// is not shown, do nothing; counting goes on after Finish, unseen.
func (b *Bar) Finish() {
	if !b.Shown() {
		return
	}
	b.finish.Do(func() {
		close(b.stop)
		<-b.done
		b.update()
		b.bar.Finish()
	})
}
