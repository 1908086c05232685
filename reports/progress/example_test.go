package progress_test

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/reports/progress"
)

// A Bar counts what a run has read; off a terminal (here, or with enabled false for
// --quiet) it draws nothing. The counts are the sums of the calls to Add.
func Example() {
	bar := progress.New(os.Stderr, false, "reading")
	bar.Add(4096, 2)
	bar.Add(1024, 1)
	bar.Finish()
	fmt.Println(bar.Bytes(), "bytes,", bar.Articles(), "articles, shown:", bar.Shown())
	// Output:
	// 5120 bytes, 3 articles, shown: false
}
