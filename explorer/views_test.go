package explorer

import (
	"os/exec"
	"testing"
)

// TestShellQuote checks the command lines shown: a POSIX shell (sh -c 'printf …') gives
// back each argument as it was.
func TestShellQuote(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("skipping: no sh")
	}
	for _, arg := range []string{"解放军", "a b", "it's", `"quoted"`, "$HOME", "`x`", "text:军 AND page:1", "from=1966-05-16,to=1976-10-06", "", "!x", `\n`} {
		out, err := exec.Command(sh, "-c", "printf %s "+shellQuote(arg)).Output()
		if err != nil {
			t.Fatalf("%q: %v", arg, err)
		}
		if string(out) != arg {
			t.Errorf("%q quoted as %s gives back %q", arg, shellQuote(arg), out)
		}
	}
	if got := shellQuote("from=1966-05-16,to=1976-10-06"); got != "from=1966-05-16,to=1976-10-06" {
		t.Errorf("a plain argument is quoted: %s", got)
	}
}

// TestFacetOrder: most hits first, ties by value, numbers as numbers.
func TestFacetOrder(t *testing.T) {
	got := facet(map[string]int{"10": 2, "9": 2, "1": 5, "消息": 1})
	want := []facetValue{{"1", 5}, {"9", 2}, {"10", 2}, {"消息", 1}}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %v, want %v", i, got[i], want[i])
		}
	}
}
