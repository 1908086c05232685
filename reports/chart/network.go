package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Network draws a co-mention graph: node size by Size, colour by Group (community), edge
// width by Weight.
type Network struct {
	Title string
	Nodes []Node
	Edges []Edge
	Seed  int64 // layout seed: same input + seed → identical picture
	// MaxLabels labels only the MaxLabels largest nodes (by Size, ties by smaller ID);
	// 0 labels all. Unlabelled nodes are still drawn.
	MaxLabels int
}

// Node is a vertex of a Network: Size (≥ 0) sets its area, Group its colour.
type Node struct {
	ID    int64
	Label string
	Size  float64
	Group int
}

// Edge joins two nodes of a Network; Weight (> 0) sets its width.
type Edge struct {
	From, To int64
	Weight   float64
}

func (c Network) check() error {
	if len(c.Nodes) == 0 {
		return fmt.Errorf("chart: network %q has no nodes", c.Title)
	}
	seen := make(map[int64]bool, len(c.Nodes))
	for _, n := range c.Nodes {
		if seen[n.ID] {
			return fmt.Errorf("chart: network %q: node ID %d appears twice", c.Title, n.ID)
		}
		seen[n.ID] = true
		if math.IsNaN(n.Size) || math.IsInf(n.Size, 0) || n.Size < 0 {
			return fmt.Errorf("chart: network %q: node %d (%q) has size %v; sizes must be finite and ≥ 0", c.Title, n.ID, n.Label, n.Size)
		}
	}
	pairs := make(map[[2]int64]bool, len(c.Edges))
	for _, e := range c.Edges {
		switch {
		case !seen[e.From] || !seen[e.To]:
			return fmt.Errorf("chart: network %q: edge %d–%d names a node that is not in Nodes", c.Title, e.From, e.To)
		case e.From == e.To:
			return fmt.Errorf("chart: network %q: edge %d–%d is a loop", c.Title, e.From, e.To)
		case math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight <= 0:
			return fmt.Errorf("chart: network %q: edge %d–%d has weight %v; weights must be finite and > 0", c.Title, e.From, e.To, e.Weight)
		}
		key := [2]int64{min(e.From, e.To), max(e.From, e.To)}
		if pairs[key] {
			return fmt.Errorf("chart: network %q: edge %d–%d appears twice", c.Title, e.From, e.To)
		}
		pairs[key] = true
	}
	return nil
}

// Write draws the network in format ("png" or "svg") to w: nodes placed by the Eades
// layout (see the package documentation) seeded with Seed, as circles whose radius grows
// with √Size from 3 pt to 14 pt, coloured by Group; labels right of the nodes; edges as
// grey lines from 0.4 pt to 4 pt wide in proportion to Weight. Heavier edges and larger
// nodes are drawn last, on top.
func (c Network) Write(w io.Writer, format string, o Options) error {
	return writeChart(w, format, o, DefaultNetworkHeight, c.check, func(dc draw.Canvas, t theme) {
		c.paint(dc, t, c.layout())
	})
}

// Layout parameters of layout.EadesR2 (C3 = Repulsion, C4 = Rate in Eades 1984), chosen by
// looking at networks of 10 to 100 persons: fewer updates leave tangles, a larger rate
// oscillates.
const (
	eadesUpdates   = 150
	eadesRepulsion = 1
	eadesRate      = 0.02
	eadesTheta     = 0.2
)

// layout places the nodes that have edges; the result maps their IDs to positions.
func (c Network) layout() map[int64]r2.Vec {
	g := newOrderedGraph()
	maxW := 0.0
	for _, e := range c.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for _, e := range c.Edges {
		// Weights scaled to (0, 1]: raw co-mention counts in the hundreds would pull
		// nodes together so hard that the layout collapses.
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: e.Weight / maxW})
	}
	eades := layout.EadesR2{
		Updates:   eadesUpdates,
		Repulsion: eadesRepulsion,
		Rate:      eadesRate,
		Theta:     eadesTheta,
		Src:       rand.NewPCG(uint64(c.Seed), 0x6261_6f6b_616e), // "baokan"
	}
	opt := layout.NewOptimizerR2(g, eades.Update)
	for opt.Update() {
	}
	pos := make(map[int64]r2.Vec, len(c.Nodes))
	for _, n := range c.Nodes {
		if g.Node(n.ID) != nil {
			pos[n.ID] = opt.Coord2(n.ID)
		}
	}
	return pos
}

// orderedGraph is a weighted undirected graph whose Nodes and From iterate in ascending ID
// order. EadesR2 draws start positions and sums forces in iteration order, and
// simple.WeightedUndirectedGraph iterates in map order, which would make the picture vary
// from run to run.
type orderedGraph struct {
	*simple.WeightedUndirectedGraph
}

func newOrderedGraph() orderedGraph {
	return orderedGraph{simple.NewWeightedUndirectedGraph(0, 0)}
}

func (g orderedGraph) Nodes() graph.Nodes { return sortedNodes(g.WeightedUndirectedGraph.Nodes()) }

func (g orderedGraph) From(id int64) graph.Nodes {
	return sortedNodes(g.WeightedUndirectedGraph.From(id))
}

func sortedNodes(it graph.Nodes) graph.Nodes {
	nodes := graph.NodesOf(it)
	slices.SortFunc(nodes, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(nodes)
}

// Node radii and edge widths, in points.
const (
	nodeRadiusMin = 3
	nodeRadiusMax = 14
	edgeWidthMin  = 0.4
	edgeWidthMax  = 4
)

var (
	edgeColour    = color.NRGBA{0x88, 0x88, 0x88, 0x99}
	nodeOutline   = color.White
	ungroupedGrey = color.NRGBA{0xBA, 0xB0, 0xAC, 0xFF}
	labelGround   = color.NRGBA{0xFF, 0xFF, 0xFF, 0xB0}
)

func (c Network) paint(dc draw.Canvas, t theme, pos map[int64]r2.Vec) {
	p := t.newPlot(c.Title, "", "")
	p.HideAxes()
	p.Add(&networkPlotter{net: c, pos: pos, label: t.style(nodeLabelSize)})
	p.Draw(dc)
}

// networkPlotter draws a laid-out network into the whole data area, keeping the layout's
// aspect ratio.
type networkPlotter struct {
	net   Network
	pos   map[int64]r2.Vec
	label text.Style
}

func (np *networkPlotter) Plot(c draw.Canvas, _ *plot.Plot) {
	nodes := slices.Clone(np.net.Nodes)
	// Largest last, so they are drawn on top; ties by ID.
	slices.SortFunc(nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(a.Size, b.Size), cmp.Compare(a.ID, b.ID))
	})
	maxSize, maxW := 0.0, 0.0
	for _, n := range nodes {
		maxSize = math.Max(maxSize, n.Size)
	}
	for _, e := range np.net.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	radius := make(map[int64]vg.Length, len(nodes))
	for _, n := range nodes {
		radius[n.ID] = nodeRadiusMin
		if maxSize > 0 {
			radius[n.ID] = max(nodeRadiusMin, nodeRadiusMax*vg.Length(math.Sqrt(n.Size/maxSize)))
		}
	}
	labelled := make(map[int64]bool, len(nodes))
	for i := len(nodes) - 1; i >= 0; i-- {
		if np.net.MaxLabels > 0 && len(labelled) == np.net.MaxLabels {
			break
		}
		if nodes[i].Label != "" {
			labelled[nodes[i].ID] = true
		}
	}
	labelWidth := func(n Node) vg.Length {
		if !labelled[n.ID] {
			return 0
		}
		return np.label.Width(n.Label) + 2
	}

	at := make(map[int64]vg.Point, len(nodes))
	area := np.placeIsolates(c.Rectangle, nodes, radius, labelWidth, at)
	np.placeLaidOut(area, nodes, labelWidth, at)

	edges := slices.Clone(np.net.Edges)
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	for _, e := range edges {
		c.StrokeLine2(draw.LineStyle{
			Color: edgeColour,
			Width: edgeWidthMin + (edgeWidthMax-edgeWidthMin)*vg.Length(e.Weight/maxW),
		}, at[e.From].X, at[e.From].Y, at[e.To].X, at[e.To].Y)
	}

	// Labels lie on a translucent white ground, drawn under the nodes, so they stay
	// readable over edges without hiding nodes.
	sty := np.label
	sty.YAlign = draw.YCenter
	ext := sty.FontExtents()
	labelAt := func(n Node) vg.Point {
		return vg.Point{X: at[n.ID].X + radius[n.ID] + 2, Y: at[n.ID].Y}
	}
	for _, n := range nodes {
		if labelled[n.ID] {
			pt := labelAt(n)
			c.SetColor(labelGround)
			c.Fill(vg.Rectangle{
				Min: vg.Point{X: pt.X - 1, Y: pt.Y - (ext.Ascent+ext.Descent)/2},
				Max: vg.Point{X: pt.X + sty.Width(n.Label) + 1, Y: pt.Y + (ext.Ascent+ext.Descent)/2},
			}.Path())
		}
	}
	groupColour := groupColours(nodes)
	for _, n := range nodes {
		c.DrawGlyph(draw.GlyphStyle{Color: groupColour[n.Group], Radius: radius[n.ID], Shape: draw.CircleGlyph{}}, at[n.ID])
		c.DrawGlyph(draw.GlyphStyle{Color: nodeOutline, Radius: radius[n.ID], Shape: draw.RingGlyph{}}, at[n.ID])
	}
	for _, n := range nodes {
		if labelled[n.ID] {
			c.FillText(sty, labelAt(n), n.Label)
		}
	}
}

// placeIsolates puts the nodes without edges in rows along the bottom of r, largest
// first (ties by ID), and returns the rest of r for the laid-out nodes. Left in the force
// layout, isolated nodes drift far from the others and shrink the picture of the graph.
func (np *networkPlotter) placeIsolates(r vg.Rectangle, nodes []Node, radius map[int64]vg.Length, labelWidth func(Node) vg.Length, at map[int64]vg.Point) vg.Rectangle {
	var isolates []Node
	for _, n := range slices.Backward(nodes) {
		if _, laidOut := np.pos[n.ID]; !laidOut {
			isolates = append(isolates, n)
		}
	}
	if len(isolates) == 0 {
		return r
	}
	const gap = 8
	rowHeight := max(2*radius[isolates[0].ID], np.label.FontExtents().Height) + gap
	x, y := r.Min.X, r.Min.Y+rowHeight/2
	for _, n := range isolates {
		w := 2*radius[n.ID] + labelWidth(n) + gap
		if x > r.Min.X && x+w > r.Max.X {
			x, y = r.Min.X, y+rowHeight
		}
		at[n.ID] = vg.Point{X: x + radius[n.ID], Y: y}
		x += w
	}
	if len(isolates) == len(nodes) {
		return r
	}
	r.Min.Y = y + rowHeight/2 + gap
	return r
}

// placeLaidOut fits the layout's bounding box into r, keeping its aspect ratio and leaving
// room for the largest node and, on the right, for labels.
func (np *networkPlotter) placeLaidOut(r vg.Rectangle, nodes []Node, labelWidth func(Node) vg.Length, at map[int64]vg.Point) {
	lo, hi := r2.Vec{X: math.Inf(1), Y: math.Inf(1)}, r2.Vec{X: math.Inf(-1), Y: math.Inf(-1)}
	var maxLabel vg.Length
	for _, n := range nodes {
		v, ok := np.pos[n.ID]
		if !ok {
			continue
		}
		lo = r2.Vec{X: math.Min(lo.X, v.X), Y: math.Min(lo.Y, v.Y)}
		hi = r2.Vec{X: math.Max(hi.X, v.X), Y: math.Max(hi.Y, v.Y)}
		maxLabel = max(maxLabel, labelWidth(n))
	}
	pad := vg.Length(nodeRadiusMax + 2)
	area := vg.Rectangle{
		Min: vg.Point{X: r.Min.X + pad, Y: r.Min.Y + pad},
		Max: vg.Point{X: r.Max.X - pad - maxLabel, Y: r.Max.Y - pad},
	}
	spanX, spanY := hi.X-lo.X, hi.Y-lo.Y
	scale := math.Inf(1)
	if spanX > 0 {
		scale = float64(area.Size().X) / spanX
	}
	if spanY > 0 {
		scale = math.Min(scale, float64(area.Size().Y)/spanY)
	}
	if math.IsInf(scale, 1) {
		scale = 0
	}
	centre := area.Min.Add(area.Max).Scale(0.5)
	for _, n := range nodes {
		if v, ok := np.pos[n.ID]; ok {
			at[n.ID] = vg.Point{
				X: centre.X + vg.Length((v.X-(lo.X+hi.X)/2)*scale),
				Y: centre.Y + vg.Length((v.Y-(lo.Y+hi.Y)/2)*scale),
			}
		}
	}
}

// groupColours gives the palette's colours to groups ranked by the total size of their
// nodes (ties by smaller group number), so the largest community is blue whatever its
// number; groups beyond the palette are grey.
func groupColours(nodes []Node) map[int]color.Color {
	total := map[int]float64{}
	for _, n := range nodes {
		total[n.Group] += n.Size
	}
	groups := make([]int, 0, len(total))
	for g := range total {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b int) int { return cmp.Or(cmp.Compare(total[b], total[a]), cmp.Compare(a, b)) })
	colours := make(map[int]color.Color, len(groups))
	for i, g := range groups {
		colours[g] = ungroupedGrey
		if i < len(palette)-1 { // the palette's last colour is the grey
			colours[g] = palette[i]
		}
	}
	return colours
}
