package terms

import (
	"math/rand/v2"
	"testing"
)

// TestIDMap checks idMap against a Go map, through its hash-table stage and its switch to a
// dense slice (vocabulary of 5,000: the switch comes when the table would pass 20,000
// bytes), with a vocabulary that grows while ids are added.
func TestIDMap(t *testing.T) {
	var m idMap
	want := map[uint32]int32{}
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := 1000
	for i := range 3000 {
		if i == 1500 {
			vocab = 5000
		}
		v := uint32(rng.IntN(vocab))
		if _, ok := want[v]; ok {
			continue
		}
		if _, ok := m.get(v); ok {
			t.Fatalf("get(%d) before put", v)
		}
		want[v] = int32(len(want))
		m.put(v, want[v], vocab)
		if m.n > 200 && m.dense == nil {
			t.Fatalf("%d ids in a table of %d slots over a vocabulary of %d: should be dense", m.n, len(m.slots), vocab)
		}
	}
	if m.dense == nil || m.n != len(want) {
		t.Fatalf("dense %v, n %d; want dense and %d", m.dense != nil, m.n, len(want))
	}
	for v, id := range want {
		if got, ok := m.get(v); !ok || got != id {
			t.Fatalf("get(%d) = %d, %v; want %d", v, got, ok, id)
		}
	}
	seen := 0
	m.all(func(v uint32, id int32) {
		if want[v] != id {
			t.Fatalf("all: %d → %d, want %d", v, id, want[v])
		}
		seen++
	})
	if seen != len(want) {
		t.Errorf("all gave %d ids, want %d", seen, len(want))
	}
	// A small share of a large vocabulary stays a table.
	var sparse idMap
	for v := range uint32(100) {
		sparse.put(v*1000, int32(v), 1_000_000)
	}
	if sparse.dense != nil || len(sparse.slots) != 256 {
		t.Errorf("100 ids of 1,000,000: dense %v, %d slots; want a table of 256", sparse.dense != nil, len(sparse.slots))
	}
	for v := range uint32(100) {
		if got, ok := sparse.get(v * 1000); !ok || got != int32(v) {
			t.Fatalf("sparse get(%d) = %d, %v", v*1000, got, ok)
		}
	}
	if _, ok := sparse.get(1); ok {
		t.Error("sparse get(1): found")
	}
}
