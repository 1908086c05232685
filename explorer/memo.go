package explorer

import (
	"context"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
)

// DefaultCacheBytes bounds what the explorer keeps of the results it computed (256 MiB).
const DefaultCacheBytes = 256 << 20

// memo keeps computed results, least recently used out first once their sizes add up to
// more than budget bytes; a result being computed is computed once, whoever else asks.
type memo struct {
	mu       sync.Mutex
	cache    *lru.Cache[string, memoEntry]
	bytes    int64
	budget   int64
	inflight map[string]*call
}

type memoEntry struct {
	v    any
	size int64
}

type call struct {
	done chan struct{}
	v    any
	err  error
}

func newMemo(budget int64) *memo {
	m := &memo{budget: budget, inflight: map[string]*call{}}
	// The count bound is only a backstop: the byte budget evicts first.
	m.cache, _ = lru.NewWithEvict(1<<16, func(_ string, e memoEntry) { m.bytes -= e.size })
	return m
}

// get returns the result under key, computing it with compute (which gives its size in
// bytes) when it is not kept. Errors are not kept. busy, when not nil, is taken for the
// computation (a token per computation running), or ctx's end gives ErrTimeout.
func (m *memo) get(ctx context.Context, key string, busy chan struct{}, compute func() (any, int64, error)) (any, error) {
	m.mu.Lock()
	if e, ok := m.cache.Get(key); ok {
		m.mu.Unlock()
		return e.v, nil
	}
	if ctx.Err() != nil {
		m.mu.Unlock()
		return nil, ErrTimeout
	}
	if cl, ok := m.inflight[key]; ok {
		m.mu.Unlock()
		select {
		case <-cl.done:
			if cl.err == ErrTimeout && ctx.Err() == nil {
				return m.get(ctx, key, busy, compute) // its asker's time ran out, not ours
			}
			return cl.v, cl.err
		case <-ctx.Done():
			return nil, ErrTimeout
		}
	}
	cl := &call{done: make(chan struct{})}
	m.inflight[key] = cl
	m.mu.Unlock()

	var size int64
	cl.err = func() error {
		if busy != nil {
			select {
			case busy <- struct{}{}:
			case <-ctx.Done():
				return ErrTimeout
			}
			defer func() { <-busy }()
		}
		var err error
		cl.v, size, err = compute()
		return err
	}()

	m.mu.Lock()
	delete(m.inflight, key)
	if cl.err == nil && size <= m.budget {
		m.cache.Add(key, memoEntry{cl.v, size})
		m.bytes += size
		for m.bytes > m.budget {
			m.cache.RemoveOldest()
		}
	}
	m.mu.Unlock()
	close(cl.done)
	return cl.v, cl.err
}
