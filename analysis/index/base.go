package index

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoPeriod is wrapped by BaseRange's error for a label that names no period.
var ErrNoPeriod = errors.New("no period")

// BaseRange returns the first and last of periods (their labels, in order) that make the
// base of the standardisation: spec is "FROM,TO" (period labels), or empty for all of them.
func BaseRange(periods []string, spec string) (from, to int, err error) {
	if len(periods) == 0 {
		return 0, 0, errors.New("no dated article, no period")
	}
	if spec == "" {
		return 0, len(periods) - 1, nil
	}
	a, b, ok := strings.Cut(spec, ",")
	if !ok {
		return 0, 0, fmt.Errorf("%q: want FROM,TO (period labels)", spec)
	}
	find := func(label string) (int, error) {
		label = strings.TrimSpace(label)
		for i, p := range periods {
			if p == label {
				return i, nil
			}
		}
		return 0, fmt.Errorf("%w %q (periods run from %s to %s)", ErrNoPeriod, label, periods[0], periods[len(periods)-1])
	}
	if from, err = find(a); err != nil {
		return 0, 0, err
	}
	if to, err = find(b); err != nil {
		return 0, 0, err
	}
	if from > to {
		return 0, 0, fmt.Errorf("%s: FROM after TO", spec)
	}
	return from, to, nil
}
