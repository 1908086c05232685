package reports

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// pythonPath is Debian's python3, where apt-get install python3-pandas puts pandas.
const pythonPath = "/usr/bin/python3"

// readBackScript reads a CSV file and a JSON Lines file with pandas and prints, for
// each, the column names, the dtypes pandas inferred and the cells (NaN as null).
// round_trip and precise_float make pandas parse floats exactly, as Python's float() does.
const readBackScript = `
import json, math, sys
import pandas as pd

def cell(v):
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v

def dump(df):
    return {"columns": list(df.columns), "dtypes": [str(d) for d in df.dtypes],
            "rows": [[cell(v) for v in row] for row in df.itertuples(index=False)]}

csv = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[""], float_precision="round_trip")
jsonl = pd.read_json(sys.argv[2], lines=True, dtype=False, convert_dates=False, precise_float=True)
print(json.dumps({"csv": dump(csv), "jsonl": dump(jsonl)}, ensure_ascii=False))
`

type pandasFrame struct {
	Columns []string
	Dtypes  []string
	Rows    [][]any
}

// TestPandasReadsBack checks that pandas.read_csv and pandas.read_json(lines=True) give
// back the values written. Needs the Debian package python3-pandas.
func TestPandasReadsBack(t *testing.T) {
	if _, err := os.Stat(pythonPath); err != nil {
		t.Skipf("%s not found; pandas round trip not checked", pythonPath)
	}
	if err := exec.Command(pythonPath, "-c", "import pandas").Run(); err != nil {
		t.Skipf("pandas not importable by %s (apt-get install -y python3-pandas): %v", pythonPath, err)
	}
	dir := t.TempDir()
	csvPath, jsonlPath := filepath.Join(dir, "sample.csv"), filepath.Join(dir, "sample.jsonl")
	if err := os.WriteFile(csvPath, []byte(writeSample(t, FormatCSV)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsonlPath, []byte(writeSample(t, FormatJSONL)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pythonPath, "-c", readBackScript, csvPath, jsonlPath).Output()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, exitStderr(err))
	}
	var got struct{ CSV, JSONL pandasFrame }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("pandas output %q: %v", out, err)
	}

	// The sample's values as pandas should see them: numbers as int64 and float64
	// columns, and missing cells (nil, empty lists and empty strings in CSV, where they
	// cannot be told apart) as NaN, printed as null.
	columns := sample.Columns
	note := "他说：\"好, 很好\"\n第二行"
	wantCSV := pandasFrame{
		Columns: columns,
		Dtypes:  []string{"object", "int64", "float64", "object", "object", "object"},
		Rows: [][]any{
			{"人民", 12.0, 0.25, "n/名词", nil, "1962-03-01"},
			{"解放军报", 3.0, 1.0 / 3, nil, note, "1962-03-02"},
			{"x", -7.0, 1e-7, nil, nil, nil},
		},
	}
	// JSON keeps lists as lists, and "" apart from null.
	wantJSONL := pandasFrame{
		Columns: columns,
		Dtypes:  []string{"object", "int64", "float64", "object", "object", "object"},
		Rows: [][]any{
			{"人民", 12.0, 0.25, []any{"n", "名词"}, nil, "1962-03-01"},
			{"解放军报", 3.0, 1.0 / 3, []any{}, note, "1962-03-02"},
			{"x", -7.0, 1e-7, nil, "", nil},
		},
	}
	if !reflect.DeepEqual(got.CSV, wantCSV) {
		t.Errorf("pandas.read_csv gave\n%#v\nwant\n%#v", got.CSV, wantCSV)
	}
	if !reflect.DeepEqual(got.JSONL, wantJSONL) {
		t.Errorf("pandas.read_json(lines=True) gave\n%#v\nwant\n%#v", got.JSONL, wantJSONL)
	}
}

// exitStderr returns what a failed command wrote to stderr.
func exitStderr(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
