package terms

// idMap maps a caller's vocabulary ids to a Counter's own term ids. It starts as an
// open-addressing hash table (linear probing, at most half full, 8 bytes a slot), which
// grows with the terms the Counter has seen, and becomes a dense slice by vocabulary id (4
// bytes a vocabulary word) once that is smaller: counters by group each see a small part of
// the vocabulary, and a dense slice for each would take 4 bytes × vocabulary × groups (1.4
// GB for 700 months of an archive with half a million distinct words).
type idMap struct {
	slots []idSlot
	dense []int32 // id + 1 by vocabulary id, 0: none (once dense)
	n     int
	shift uint
}

type idSlot struct {
	key uint32 // vocabulary id + 1; 0: empty
	val int32
}

// get returns the Counter id of vocabulary id v.
func (m *idMap) get(v uint32) (int32, bool) {
	if m.dense != nil {
		if int(v) < len(m.dense) && m.dense[v] != 0 {
			return m.dense[v] - 1, true
		}
		return 0, false
	}
	if m.n == 0 {
		return 0, false
	}
	key := v + 1
	mask := uint32(len(m.slots) - 1)
	for h := (key * 0x9E3779B9) >> m.shift; ; h = (h + 1) & mask {
		s := m.slots[h]
		if s.key == key {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// put sets the Counter id of vocabulary id v, which get does not know yet; vocab is the
// vocabulary's size (v < vocab).
func (m *idMap) put(v uint32, id int32, vocab int) {
	m.n++
	if m.dense == nil && 2*m.n > len(m.slots) {
		if 8*2*len(m.slots) >= 4*vocab { // the doubled table would outweigh a dense slice
			m.toDense(vocab)
		} else {
			m.rehash(max(64, 2*len(m.slots)))
		}
	}
	if m.dense != nil {
		if int(v) >= len(m.dense) {
			m.dense = append(m.dense, make([]int32, max(vocab, int(v)+1)-len(m.dense))...)
		}
		m.dense[v] = id + 1
		return
	}
	m.insert(idSlot{v + 1, id})
}

func (m *idMap) insert(s idSlot) {
	mask := uint32(len(m.slots) - 1)
	h := (s.key * 0x9E3779B9) >> m.shift
	for m.slots[h].key != 0 {
		h = (h + 1) & mask
	}
	m.slots[h] = s
}

func (m *idMap) rehash(size int) {
	old := m.slots
	m.slots = make([]idSlot, size)
	m.shift = 32
	for s := size; s > 1; s >>= 1 {
		m.shift--
	}
	for _, s := range old {
		if s.key != 0 {
			m.insert(s)
		}
	}
}

func (m *idMap) toDense(vocab int) {
	m.dense = make([]int32, vocab)
	for _, s := range m.slots {
		if s.key != 0 {
			m.dense[s.key-1] = s.val + 1
		}
	}
	m.slots = nil
}

// all calls fn with every vocabulary id and Counter id (in no particular order).
func (m *idMap) all(fn func(v uint32, id int32)) {
	if m.dense != nil {
		for v, id := range m.dense {
			if id != 0 {
				fn(uint32(v), id-1)
			}
		}
		return
	}
	for _, s := range m.slots {
		if s.key != 0 {
			fn(s.key-1, s.val)
		}
	}
}
