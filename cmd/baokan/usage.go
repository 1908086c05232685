package main

import (
	"fmt"
	"runtime"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/corpus"
)

// countFlags are the flags that take a count: a negative value is a usage error (it used
// to mean "all" silently, or failed after reading).
var countFlags = []string{"top", "min-count", "min-weight", "network-top", "smooth", "min-len", "workers", "page"}

// checkUsage checks, before anything is read, the flag values every command shares: counts
// are 0 or more, --from and --to are dates (YYYY-MM-DD, YYYY-MM or YYYY) and --from is not
// after --to. Each command checks its own flags too; this is the common voice.
func checkUsage(io *streams, c *cobra.Command) error {
	flags := c.Flags()
	for _, name := range countFlags {
		f := flags.Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		n, err := strconv.ParseInt(f.Value.String(), 10, 64)
		if err == nil && n < 0 {
			return fmt.Errorf("--%s %d: want 0 or more", name, n)
		}
	}
	if f := flags.Lookup("resolution"); f != nil && f.Changed {
		if r, err := strconv.ParseFloat(f.Value.String(), 64); err == nil && !(r >= 0) {
			return fmt.Errorf("--resolution %v: want 0 or more", r)
		}
	}
	if f := flags.Lookup("workers"); f != nil && f.Changed {
		n, _ := strconv.Atoi(f.Value.String())
		if capped := workerCap(n, runtime.NumCPU()); capped != n {
			if quiet, _ := flags.GetBool("quiet"); !quiet {
				fmt.Fprintf(io.err, "baokan: --workers %d: using %d (%d× the %d cores; more only takes memory)\n",
					n, capped, workersPerCPU, runtime.NumCPU())
			}
			if err := f.Value.Set(strconv.Itoa(capped)); err != nil {
				return err
			}
		}
	}
	var bounds corpus.Filter
	for _, b := range []struct {
		name string
		end  bool
		d    *corpus.Date
	}{{"from", false, &bounds.From}, {"to", true, &bounds.To}} {
		f := flags.Lookup(b.name)
		if f == nil || f.Value.String() == "" {
			continue
		}
		d, err := corpus.ParseDateBound(f.Value.String(), b.end)
		if err != nil {
			return fmt.Errorf("--%s: %w", b.name, err)
		}
		*b.d = d
	}
	if bounds.CheckBounds() != nil {
		return fmt.Errorf("--from %s is after --to %s: no article would be kept",
			flags.Lookup("from").Value, flags.Lookup("to").Value)
	}
	return nil
}

// workersPerCPU bounds --workers: the reader already runs two file readers per core to
// cover waits on the disk, and the parsing and segmenting are CPU-bound, so more cores
// than this many per CPU only add goroutines, buffers and segmenters (--workers 100000
// took 2.2 GB and a minute).
const workersPerCPU = 4

// workerCap returns the cores used for --workers n on a machine of cpus CPUs: n, at most
// workersPerCPU × cpus (0, "all", stays 0).
func workerCap(n, cpus int) int {
	return min(n, workersPerCPU*max(cpus, 1))
}
