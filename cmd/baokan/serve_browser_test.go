package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/baokan/baokan/explorer"
)

var explorerScreenshots = flag.String("explorer-screenshots", "",
	"TestExplorerInBrowser also saves a screenshot of each view to `DIR`/explorer-VIEW.png (docs)")

// inkedCanvas counts the painted pixels of the first canvas under the element sel (0 when
// there is none): ECharts draws on a canvas, so a drawn chart has some.
// It reads a copy (one readback per canvas, which Chromium does not warn about).
const inkedCanvas = `(() => { const c = document.querySelector(%q); if (!c || !c.width) return 0;
  const copy = document.createElement("canvas"); copy.width = c.width; copy.height = c.height;
  const g = copy.getContext("2d", { willReadFrequently: true }); g.drawImage(c, 0, 0);
  const x = g.getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 3; i < x.length; i += 4) if (x[i] > 0) n++; return n; })()`

// TestExplorerInBrowser drives headless Chromium through every view of the explorer on
// the sample: it types a query, follows a hit to its article (the hit marked), checks that
// the charts and the graph are drawn (a canvas with ink) and that the console stays
// silent (no error, no CSP violation, no exception).
func TestExplorerInBrowser(t *testing.T) {
	b := startBrowser(t, 1280, 1000)
	_, srv := serveSample(t, explorer.Options{})
	runCtx, cancelRun := context.WithTimeout(b.ctx, 180*time.Second)
	defer cancelRun()

	shot := func(name string) {
		b, err := chromedp.Run(runCtx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: screenshot: %v", name, err)
		}
		if share := inkShare(img); share < 0.01 {
			t.Errorf("%s: screenshot nearly blank (%.4f inked)", name, share)
		}
		if *explorerScreenshots != "" {
			if err := os.WriteFile(filepath.Join(*explorerScreenshots, "explorer-"+name+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	drawn := func(view, sel string) {
		// Poll until the canvas has ink (ECharts draws in animation frames).
		if _, err := chromedp.Run(runCtx, chromedp.Poll[bool](fmt.Sprintf(inkedCanvas, sel)+" > 500",
			chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			n, _ := chromedp.Run(runCtx, chromedp.Evaluate[int](fmt.Sprintf(inkedCanvas, sel)))
			t.Errorf("%s: %s not drawn (%d pixels inked): %v", view, sel, n, err)
		}
	}
	command := func(view, want string) {
		got, err := chromedp.Run(runCtx, chromedp.Text(chromedp.CSS("#command")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got, "baokan "+want) {
			t.Errorf("%s: command %q, want baokan %s…", view, got, want)
		}
		href, err := chromedp.Run(runCtx, chromedp.Evaluate[string](`document.getElementById("csv").getAttribute("href")`))
		if err != nil || !strings.Contains(href, "format=csv") {
			t.Errorf("%s: CSV link %q %v", view, href, err)
		}
	}
	nav := func(path string) {
		if err := chromedp.Do(runCtx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
	}

	// Overview: the bar chart of articles per year.
	nav("/")
	drawn("overview", "#chart canvas")
	command("overview", "timeline --by year")
	shot("overview")

	// Search: type a query, submit, a concordance; follow the first hit.
	nav("/search")
	if err := chromedp.Do(runCtx, chromedp.SendKeys(chromedp.CSS("#q"), "解放军"), chromedp.Click(chromedp.CSS("#go")),
		chromedp.WaitVisible(chromedp.CSS("#table a.hit"))); err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(runCtx, chromedp.Location())
	if u, err := url.Parse(loc); err != nil || u.Query().Get("q") != "解放军" {
		t.Errorf("search: the query is not in the URL: %s", loc)
	}
	hits, err := chromedp.Run(runCtx, chromedp.Evaluate[int](`document.querySelectorAll("#table a.hit").length`))
	if err != nil || hits != 8 { // `baokan kwic 解放军` on the sample: 8 hits in 3 articles
		t.Errorf("search: %d hits shown, want 8 (%v)", hits, err)
	}
	command("search", "kwic 解放军")
	shot("search")
	if err := chromedp.Do(runCtx, chromedp.Click(chromedp.CSS("#table a.hit")), chromedp.WaitVisible(chromedp.CSS("#article mark"))); err != nil {
		t.Fatal(err)
	}
	mark, err := chromedp.Run(runCtx, chromedp.Text(chromedp.CSS("#article mark")))
	if err != nil || mark != "解放军" {
		t.Errorf("article: first mark %q (%v)", mark, err)
	}
	command("article", "show --at ")
	shot("article")

	// Trends: two words and a person, a line chart.
	nav("/trends?" + url.Values{"terms": {"解放军 人民 person:毛泽东"}}.Encode())
	drawn("trends", "#chart canvas")
	command("trends", "timeline --by year")
	shot("trends")

	// Compare: a keyness table.
	nav("/compare?" + url.Values{"target": {"from=1980-01-01,to=1999-12-31"}}.Encode())
	if err := chromedp.Do(runCtx, chromedp.WaitVisible(chromedp.CSS("#table tr:nth-child(2) a"))); err != nil {
		t.Fatal(err)
	}
	command("compare", "keyness --target from=1980-01-01,to=1999-12-31")
	shot("compare")

	// Persons: the force graph.
	nav("/persons?minweight=1")
	drawn("persons", "#graph canvas")
	command("persons", "network")
	shot("persons")

	for _, p := range b.consoleProblems(t, runCtx) {
		t.Errorf("browser: %s", p)
	}
}
