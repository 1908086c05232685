// Command serveload is a bounded load test of `baokan serve` on loopback: clients
// goroutines send requests of mixed views (overview, search with facets and pages, trends,
// compare, persons, article) until requests have been sent, then print the latencies
// (p50, p95, max) per view and overall, and the errors. See bench/serve.sh.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080/", "the explorer's address")
	clients := flag.Int("clients", 32, "concurrent clients")
	requests := flag.Int("requests", 2000, "requests in all")
	words := flag.String("words", "部队,训练,人民,同志,建设,解放军,战士,干部", "words searched and drawn, comma-separated")
	flag.Parse()
	ws := strings.Split(*words, ",")
	client := &http.Client{Timeout: 60 * time.Second}
	base2 := strings.TrimSuffix(*base, "/")

	// Articles to open: those of a first search.
	var found struct {
		Rows [][]any `json:"rows"`
	}
	// On a large corpus the first search may run past the server's time limit: the server
	// goes on computing it, so ask again (five times at most).
	for try := 1; ; try++ {
		err := getJSON(client, base2+"/api/search?"+url.Values{"q": {ws[0]}, "per": {"200"}}.Encode(), &found)
		if err == nil {
			break
		}
		if try == 5 {
			fmt.Fprintln(os.Stderr, "serveload:", err)
			os.Exit(1)
		}
	}
	var articles []url.Values
	for _, r := range found.Rows {
		articles = append(articles, url.Values{"path": {fmt.Sprint(r[0])}, "line": {fmt.Sprint(r[1])}, "q": {ws[0]}})
	}
	if len(articles) == 0 {
		fmt.Fprintln(os.Stderr, "serveload: the first word has no hit")
		os.Exit(1)
	}

	type result struct {
		view string
		d    time.Duration
		err  error
	}
	jobs := make(chan int)
	results := make(chan result, *requests)
	var wg sync.WaitGroup
	for c := range *clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 1))
			for range jobs {
				view, u := pick(rng, base2, ws, articles)
				start := time.Now()
				err := fetch(client, u)
				results <- result{view, time.Since(start), err}
			}
		})
	}
	start := time.Now()
	for i := range *requests {
		jobs <- i
		if i > 0 && i%250 == 0 {
			fmt.Fprintf(os.Stderr, "serveload: %d requests sent, %.0f s\n", i, time.Since(start).Seconds())
		}
	}
	close(jobs)
	wg.Wait()
	close(results)
	wall := time.Since(start)
	by := map[string][]time.Duration{}
	errs := map[string]int{}
	for r := range results {
		by[r.view] = append(by[r.view], r.d)
		by["all"] = append(by["all"], r.d)
		if r.err != nil {
			errs[r.view]++
			errs["all"]++
			if errs[r.view] <= 3 {
				fmt.Fprintf(os.Stderr, "serveload: %s: %v\n", r.view, r.err)
			}
		}
	}
	fmt.Printf("%d requests, %d clients, %.1f s, %.1f requests/s\n", *requests, *clients, wall.Seconds(), float64(*requests)/wall.Seconds())
	fmt.Printf("%-9s %6s %9s %9s %9s %6s\n", "view", "n", "p50_ms", "p95_ms", "max_ms", "errors")
	for _, v := range []string{"overview", "search", "facet", "trends", "compare", "persons", "article", "page", "all"} {
		d := by[v]
		if len(d) == 0 {
			continue
		}
		slices.Sort(d)
		q := func(p float64) float64 {
			return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
		}
		fmt.Printf("%-9s %6d %9.1f %9.1f %9.1f %6d\n", v, len(d), q(0.50), q(0.95), float64(d[len(d)-1].Microseconds())/1000, errs[v])
	}
}

// pick draws one request of the mix.
func pick(rng *rand.Rand, base string, ws []string, articles []url.Values) (view, u string) {
	w := ws[rng.IntN(len(ws))]
	switch n := rng.IntN(100); {
	case n < 5:
		return "overview", base + "/api/overview"
	case n < 35:
		return "search", base + "/api/search?" + url.Values{"q": {w}, "page": {fmt.Sprint(1 + rng.IntN(5))}, "sort": {[]string{"", "date", "right", "left"}[rng.IntN(4)]}}.Encode()
	case n < 45:
		return "facet", base + "/api/search?" + url.Values{"q": {w}, "pg": {"1"}, "year": {fmt.Sprint(1950 + rng.IntN(50))}}.Encode()
	case n < 60:
		w2 := ws[(slices.Index(ws, w)+1+rng.IntN(len(ws)-1))%len(ws)] // another word
		return "trends", base + "/api/trends?" + url.Values{"terms": {w + " " + w2}}.Encode()
	case n < 70:
		y := 1950 + rng.IntN(40)
		return "compare", base + "/api/compare?" + url.Values{"target": {fmt.Sprintf("from=%d-01-01,to=%d-12-31", y, y+5)}}.Encode()
	case n < 80:
		return "persons", base + "/api/persons?" + url.Values{"minweight": {"2"}, "top": {"60"}}.Encode()
	case n < 95:
		return "article", base + "/api/article?" + articles[rng.IntN(len(articles))].Encode()
	}
	return "page", base + []string{"/", "/search?q=" + url.QueryEscape(w), "/trends", "/assets/app.js"}[rng.IntN(4)]
}

func fetch(c *http.Client, u string) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", u, res.StatusCode)
	}
	return nil
}

func getJSON(c *http.Client, u string, v any) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s: status %d: %s", u, res.StatusCode, b)
	}
	return json.NewDecoder(res.Body).Decode(v)
}
