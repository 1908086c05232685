package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// consoleProbe is the console message the browser tests write themselves.
const consoleProbe = "baokan-console-probe"

// chromium is Debian's browser; .ci/run installs it.
const chromium = "/usr/bin/chromium"

// browser is a headless Chromium tab and what its console said.
type browser struct {
	ctx context.Context // the tab

	stopListening context.CancelFunc
	listened      chan struct{} // closed when the listener has stopped
	probed        chan struct{} // closed when the probe message arrives
	mu            sync.Mutex
	problems      []string // console API calls, uncaught exceptions, log entries
}

// startBrowser starts headless Chromium with a window of width × height and listens to its
// console; it skips the test where Chromium is absent. The browser ends with the test.
func startBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("skipping: %s is absent (apt-get install chromium; .ci/run installs it)", chromium)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		// Without these, Chromium calls home, and on a closed network floods the log.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)
	// Start the browser on ctx (its first Run owns it), then listen to the console.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	b := &browser{ctx: ctx, listened: make(chan struct{}), probed: make(chan struct{})}
	listenCtx, stop := context.WithCancel(ctx)
	b.stopListening = stop
	messages := chromedp.Console(listenCtx)
	go func() {
		defer close(b.listened)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Text == consoleProbe {
				close(b.probed)
				continue
			}
			b.mu.Lock()
			b.problems = append(b.problems, fmt.Sprintf("%s (%s %s:%d)", m, m.Source, m.URL, m.Line))
			b.mu.Unlock()
		}
	}()
	return b
}

// consoleProblems writes a message of its own, last, and returns what the console said
// before it: the probe proves the listener hears the page, and messages come in order, so
// every earlier one has been heard when it arrives.
func (b *browser) consoleProblems(t *testing.T, runCtx context.Context) []string {
	t.Helper()
	if _, err := chromedp.Run(runCtx, chromedp.Evaluate[bool](`console.error("`+consoleProbe+`"), true`)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-b.probed:
	case <-time.After(10 * time.Second):
		t.Error("the console listener heard nothing: it cannot vouch for the page")
	}
	b.stopListening()
	<-b.listened
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.problems
}
