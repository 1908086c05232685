package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/graphfile"
)

type networkOptions struct {
	corpusOptions
	personFlags
	minWeight   int
	top         int
	by          string
	seed        uint64
	resolution  float64
	edges       bool
	gexf        string
	gexfVersion string
	graphml     string
	dot         string
}

func newNetworkCmd(io *streams) *cobra.Command {
	o := &networkOptions{}
	c := &cobra.Command{
		Use:   "network [CORPUS...]",
		Short: "Who is mentioned with whom: the co-mention network of RW persons",
		Long: `network builds the co-mention network of the persons of the RW lists (see 'baokan persons'
for how entries become persons): an undirected weighted graph, persons as nodes, edge weight
the number of articles naming both. N counts every article kept by the filters, with or
without persons. With --by one network per slice, and a slice column first: per period
(day|week|month|quarter|year|decade, labelled as timeline labels them: 1962, 1960s, 1962-10)
or per paper (--by paper; articles without a paper are in no slice, as undated ones are
with a period).

Output: the node table
  person,articles,degree,weighted_degree,pagerank,betweenness,eigenvector,community
and the edge table (source < target in Unicode order)
  source,target,weight,pmi,npmi,jaccard,dice,g2,first_date,last_date
The table format prints both. csv, json and jsonl with -o PREFIX write PREFIX.nodes.csv and
PREFIX.edges.csv (.json, .jsonl); to standard output they print the nodes, or the edges with
--edges. --gexf (GEXF 1.3 for Gephi, with time spells when sliced), --graphml and --dot write
graph files besides (GraphML and DOT hold one network: with --by, the whole period; GEXF
has one time spell a period slice, and with --by paper holds the whole network).

` + network.MeasuresHelp,
		RunE: func(c *cobra.Command, args []string) error { return runNetwork(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addPersonFlags(c, &o.personFlags)
	f := c.Flags()
	f.IntVar(&o.minWeight, "min-weight", 1, "keep edges of weight ≥ `N`")
	f.IntVar(&o.top, "top", 0, "keep the `N` persons named in most articles (ties by name; 0: all)")
	f.StringVar(&o.by, "by", "", "one network per `day|week|month|quarter|year|decade|paper`")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the Louvain community detection (same seed, same communities)")
	f.Float64Var(&o.resolution, "resolution", 1, "Louvain resolution γ (higher: smaller communities)")
	f.BoolVar(&o.edges, "edges", false, "with csv/json/jsonl to standard output, print the edges instead of the nodes")
	f.StringVar(&o.gexf, "gexf", "", "also write the network as GEXF for Gephi to `FILE`")
	f.StringVar(&o.gexfVersion, "gexf-version", graphfile.GEXF13, "GEXF `version`: 1.3, or 1.2draft for older readers (networkx 2.x)")
	f.StringVar(&o.graphml, "graphml", "", "also write the network as GraphML to `FILE`")
	f.StringVar(&o.dot, "dot", "", "also write the network as Graphviz DOT to `FILE`")
	return c
}

func runNetwork(io *streams, o *networkOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	var by network.SliceBy
	if o.by != "" {
		if by, err = network.ParseSliceBy(o.by); err != nil {
			return fmt.Errorf("--by: %w", err)
		}
	}
	if o.gexfVersion != graphfile.GEXF13 && o.gexfVersion != graphfile.GEXF12 {
		return fmt.Errorf("--gexf-version %q: choose %s or %s", o.gexfVersion, graphfile.GEXF13, graphfile.GEXF12)
	}
	corp, err := collectPersons(io, &o.corpusOptions, &o.personFlags, args)
	if err != nil {
		return err
	}
	opts := network.Options{MinWeight: o.minWeight, Top: o.top, Seed: o.seed, Resolution: o.resolution, Workers: o.cores()}
	whole, sliced, err := network.Count(len(corp.Articles), func(i int) network.Doc { return personDoc(corp.Articles[i]) },
		func(add func(network.Doc)) {
			corp.EachWithout(func(u persons.Unnamed) { add(network.Doc{Date: u.Date, Paper: u.Paper}) })
		}, by, o.cores())
	if err != nil {
		return err
	}
	wholeNet, err := whole.Network(opts)
	if err != nil {
		return err
	}
	var slices []network.Slice
	toPrint := []network.Slice{{Network: wholeNet}}
	if sliced != nil {
		if slices, err = sliced.Slices(opts); err != nil {
			return err
		}
		toPrint = slices
		if n := sliced.Undated(); n > 0 && !o.quiet {
			what := "without a valid date"
			if by.Paper {
				what = "without a paper"
			}
			fmt.Fprintf(io.err, "baokan: %d articles %s are in no slice\n", n, what)
		}
	}
	if by.Paper {
		slices = nil // GEXF's spells are of time: the whole network
	}
	files := graphfile.Files{GEXF: o.gexf, GraphML: o.graphml, DOT: o.dot, GEXFOptions: graphfile.GEXFOptions{
		Version: o.gexfVersion, Description: "co-mention network of RW persons, written by baokan"}}
	if err := files.Write(wholeNet, slices); err != nil {
		return err
	}
	return writeNetworkTables(io, o, format, toPrint, sliced != nil)
}

func writeNetworkTables(io *streams, o *networkOptions, format reports.Format, nets []network.Slice, sliced bool) error {
	t := graphfile.Tables{Networks: nets, Sliced: sliced}
	nodeCols, edgeCols, writeNodes, writeEdges := t.NodeColumns(), t.EdgeColumns(), t.WriteNodes, t.WriteEdges
	ropts := o.reportOptions()
	switch {
	case format == reports.FormatTable:
		w, done, err := o.outputWriter(io)
		if err != nil {
			return err
		}
		err = writeNodes(reports.NewWriter(w, format, nodeCols, append(ropts, reports.WithTitle("Nodes"))...))
		if err == nil {
			_, err = fmt.Fprintln(w)
		}
		if err == nil {
			err = writeEdges(reports.NewWriter(w, format, edgeCols, append(ropts, reports.WithTitle("Edges"))...))
		}
		if err != nil {
			done()
			return err
		}
		return done()
	case o.output != "" && o.output != "-":
		prefix := strings.TrimSuffix(o.output, "."+string(format))
		for _, part := range []struct {
			name  string
			cols  []string
			write func(*reports.Writer) error
		}{{"nodes", nodeCols, writeNodes}, {"edges", edgeCols, writeEdges}} {
			f, err := os.Create(prefix + "." + part.name + "." + string(format))
			if err != nil {
				return err
			}
			if err := part.write(reports.NewWriter(f, format, part.cols, ropts...)); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
		}
		return nil
	case o.edges:
		return writeEdges(reports.NewWriter(io.out, format, edgeCols, ropts...))
	default:
		return writeNodes(reports.NewWriter(io.out, format, nodeCols, ropts...))
	}
}
