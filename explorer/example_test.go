package explorer_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	baokan "github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/explorer"
)

// writeSampleCache writes the embedded sample into a cache at path, each article's body
// cut into single characters (the explorer reads whatever words a cache holds; `baokan
// index` cuts them with the segmenter), and returns the articles read per year, counted
// as `baokan stats --by year` counts them: by the year of each dated article.
func writeSampleCache(path string) (map[string]int, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w, err := cache.NewWriter(f, nil)
	if err != nil {
		return nil, err
	}
	var fileErr error
	r, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{Workers: 1,
		OnFileInfo: func(fi corpus.FileInfo) {
			if err := w.AddFile(fi); err != nil && fileErr == nil {
				fileErr = err
			}
		}})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	years := map[string]int{}
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !a.Date.IsZero() {
			years[strconv.Itoa(a.Date.Year)]++
		}
		words := strings.Split(strings.Join(a.Body, ""), "")
		if err := w.AddArticle(a, words, nil, 0); err != nil {
			return nil, err
		}
	}
	if fileErr != nil {
		return nil, fileErr
	}
	if err := w.Finish(r.Summary(), "", nil); err != nil {
		return nil, err
	}
	return years, f.Close()
}

// The explorer over the embedded sample, on a test server: the overview's articles per
// year (the API's rows, as `baokan timeline --by year --series articles,chars` prints
// them) are those the reader counts year by year.
func Example() {
	dir, err := os.MkdirTemp("", "explorer-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.bki")
	years, err := writeSampleCache(path)
	if err != nil {
		fmt.Println(err)
		return
	}

	c, err := explorer.Load(path, "sample.bki")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	h, err := explorer.New(c, explorer.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/api/overview")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	var t struct {
		Command string
		Rows    [][]any
		Extra   map[string]any
	}
	if err := json.NewDecoder(res.Body).Decode(&t); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Command)
	fmt.Println("articles:", t.Extra["articles"])
	same, total := true, 0
	for _, row := range t.Rows { // period, series, count, ...
		if row[1] == "articles" {
			n := int(row[2].(float64))
			total += n
			same = same && n == years[row[0].(string)]
		}
	}
	fmt.Println("dated articles per year as the reader counts them:", same, total)
	// Output:
	// baokan timeline --by year --series articles,chars sample.bki
	// articles: 38
	// dated articles per year as the reader counts them: true 38
}
