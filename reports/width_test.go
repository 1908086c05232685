package reports

import (
	"fmt"
	"os"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// childEnv, when set, makes the test binary print the sample table and exit: the way
// TestTableInTerminals sees the table under another locale, which tablewriter reads
// only once, at start.
const childEnv = "BAOKAN_REPORTS_TABLE_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if err := WriteTable(os.Stdout, FormatTable, sample); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// boxDrawingWide reports whether tablewriter measures box drawing as two columns in
// this process, so that tables are drawn in ASCII.
func boxDrawingWide() bool { return twwidth.Width("─") != 1 }
