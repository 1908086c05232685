package graphfile

import (
	"fmt"
	"io"
	"os"

	"github.com/baokan/baokan/analysis/network"
)

// Files names the graph files to write; an empty name is not written.
type Files struct {
	GEXF, GraphML, DOT string
	GEXFOptions        GEXFOptions
}

// Write writes the files: GEXF with one time spell a slice when slices is not nil (slices
// of periods), the whole network otherwise; GraphML and DOT hold the whole network. A
// file is created (or truncated) only when named.
func (f Files) Write(whole *network.Network, slices []network.Slice) error {
	write := func(path string, fn func(w io.Writer) error) error {
		if path == "" {
			return nil
		}
		out, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := fn(out); err != nil {
			out.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
		return out.Close()
	}
	err := write(f.GEXF, func(w io.Writer) error {
		if slices != nil {
			return WriteGEXFSlices(w, slices, f.GEXFOptions)
		}
		return WriteGEXF(w, whole, f.GEXFOptions)
	})
	if err == nil {
		err = write(f.GraphML, func(w io.Writer) error { return WriteGraphML(w, whole) })
	}
	if err == nil {
		err = write(f.DOT, func(w io.Writer) error { return WriteDOT(w, whole) })
	}
	return err
}
