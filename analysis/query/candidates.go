package query

import "slices"

// Candidates narrows the units (blocks of a cache, say) that can hold a match, for a
// query bound to a vocabulary (Bind): units(ids) gives the sorted units where any of the
// word ids occurs. ok is false when the query may match in a unit without any of its
// words (NOT, a field, text: on its own), so that every unit must be read. The result is
// a superset of the units with a match.
func (q *Query) Candidates(units func(ids []uint32) []int) (within []int, ok bool) {
	if !q.bound {
		return nil, false
	}
	return candidates(q.Root, units)
}

func idsOf(t []bool) []uint32 {
	var ids []uint32
	for id, yes := range t {
		if yes {
			ids = append(ids, uint32(id))
		}
	}
	return ids
}

func candidates(n Node, units func([]uint32) []int) ([]int, bool) {
	switch n := n.(type) {
	case *Word:
		return units(idsOf(n.ids)), true
	case *Pattern:
		return units(idsOf(n.ids)), true
	case *Seq:
		var out []int
		for i, t := range n.ids {
			u := units(idsOf(t))
			if i == 0 {
				out = u
			} else {
				out = intersect(out, u)
			}
		}
		return out, true
	case *Near:
		l, okL := candidates(n.L, units)
		r, okR := candidates(n.R, units)
		switch {
		case okL && okR:
			return intersect(l, r), true
		case okL:
			return l, true
		case okR:
			return r, true
		}
		return nil, false
	case *And:
		var out []int
		known := false
		for _, k := range n.Kids {
			u, ok := candidates(k, units)
			if !ok {
				continue
			}
			if !known {
				out, known = u, true
			} else {
				out = intersect(out, u)
			}
		}
		return out, known
	case *Or:
		var out []int
		for _, k := range n.Kids {
			u, ok := candidates(k, units)
			if !ok {
				return nil, false
			}
			out = union(out, u)
		}
		return out, true
	}
	return nil, false
}

func intersect(a, b []int) []int {
	var out []int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func union(a, b []int) []int {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// CandidateBlocks is Candidates over units that may fail to be listed (the blocks of a
// cache, listed by cache.Reader.BlocksWith): the units to read, nil when every unit must
// be read (the query may match without its words, or listing failed), an empty slice
// when none can hold a match.
func (q *Query) CandidateBlocks(units func(ids []uint32) ([]int, error)) []int {
	var failed bool
	blocks, ok := q.Candidates(func(ids []uint32) []int {
		b, err := units(ids)
		if err != nil {
			failed = true
		}
		return b
	})
	if !ok || failed {
		return nil
	}
	if blocks == nil {
		blocks = []int{} // none: read nothing
	}
	return blocks
}
